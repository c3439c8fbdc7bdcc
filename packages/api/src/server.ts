/**
 * What the web server needs beyond tRPC: authenticating personal access tokens on the API
 * route, and streaming export downloads.
 */

export { exportSchema } from "./schemas/record";
export { exportRecordStream } from "./services/export/export-record";
export { resolveExportScope } from "./services/export/resolve-export-scope";
export { authenticateRequest, type RequestAuth } from "./services/token/authenticate-request";
