/**
 * What the web server needs beyond tRPC: authenticating personal access tokens on the API
 * route, streaming export downloads, one-click unsubscribe links from emails, and storing a
 * record draft's text from its shared document.
 */

export { DomainError } from "./errors";
export { exportSchema } from "./schemas/record";
export { storeDraftText } from "./services/draft/store-draft-text";
export { exportRecordStream } from "./services/export/export-record";
export { resolveExportScope } from "./services/export/resolve-export-scope";
export {
  describeUnsubscribe,
  stoppedEmails,
  unsubscribe,
} from "./services/notification/unsubscribe";
export { authenticateRequest, type RequestAuth } from "./services/token/authenticate-request";
export { privateNetworksAllowed } from "./services/webhook/address";
export { sessionCurrent } from "./session-current";
