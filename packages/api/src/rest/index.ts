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
export { BODY_TOO_LARGE_MESSAGE, MAX_BODY_BYTES, readBodyWithin } from "./read-body";
