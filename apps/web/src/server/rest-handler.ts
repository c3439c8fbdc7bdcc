import { createRestHandler } from "@tradeoff/api/rest";
import { INVALID_UTF8_MESSAGE } from "./request-input";
import { handleTrpcRequest } from "./trpc-handler";

/**
 * The REST API (/api/v1/*, its OpenAPI description and the /api/docs page): each operation is
 * answered by the tRPC handler itself (same token check, guards, access rules, messages,
 * metrics and request ids), its answer turned into plain JSON or problem details.
 */
export const handleRestRequest = createRestHandler({
  trpc: handleTrpcRequest,
  invalidUtf8Message: INVALID_UTF8_MESSAGE,
});
