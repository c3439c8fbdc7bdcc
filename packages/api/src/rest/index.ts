/** The REST API (/api/v1) and its description: see ./handler.ts. */
export {
  createRestHandler,
  DOCS_PATH,
  OPENAPI_PATH,
  type Problem,
  problemResponse,
  type RestHandlerOptions,
} from "./handler";
export { openApiDocument } from "./openapi";
export { REST_PREFIX, type RestOperation, restOperations } from "./operations";
export {
  bodyLimitFor,
  bodyTooLargeMessage,
  DEFAULT_BODY_BYTES,
  declaredTooLarge,
  LARGE_BODY_PROCEDURES,
  MAX_BODY_BYTES,
  readBodyWithin,
} from "./read-body";
export { requestIdFrom } from "./request-id";
