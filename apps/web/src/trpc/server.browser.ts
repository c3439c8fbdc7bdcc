/**
 * "@trpc/server" in the browser bundle: next.config.ts aliases it to this module there.
 *
 * Browser code imports @trpc/server's entry for a few helpers: @trpc/tanstack-react-query for
 * `createTRPCRecursiveProxy` and `callTRPCProcedure`, @trpc/client (loaded with the first
 * request, see client.browser.ts) for three error helpers. They are re-exported here from
 * @trpc/server's own modules, except `callTRPCProcedure`: the options proxy calls it only when it
 * is given a router to run procedures in-process, which happens on the server alone, and it
 * would bring the procedure-calling code (about 2 kB gzip) into every page.
 *
 * If browser code imports another name from "@trpc/server", the build fails with "export ...
 * was not found in module server.browser.ts"; the test next to this file checks the names the
 * tRPC packages import.
 */
export {
  createRecursiveProxy as createTRPCRecursiveProxy,
  getErrorShape as getTRPCErrorShape,
  getTRPCErrorFromUnknown,
  isTrackedEnvelope,
} from "@trpc/server/unstable-core-do-not-import";

export function callTRPCProcedure(): never {
  throw new Error("Procedures run in-process on the server only (see trpc/server.browser.ts).");
}
