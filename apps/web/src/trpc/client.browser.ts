/**
 * "@trpc/client" in the browser bundle: next.config.ts aliases it to this module there.
 *
 * @trpc/client's entry module defines its client next to some of its links and imports all the
 * others (HTTP, batching, server-sent events, WebSocket, logger). A bundle that includes a module
 * includes every module it imports, so a page that imported the entry for the client downloaded
 * every link and the @trpc/server code they use. In the browser only @trpc/tanstack-react-query
 * imports it at run time, for the two names below; the app's code imports its types, and
 * ./links.ts, which loads after the page, imports the package itself as
 * "trpc-client-impl".
 *
 * If browser code (or a new @trpc/tanstack-react-query) imports another name from
 * "@trpc/client", the build fails with "export ... was not found in module client.browser.ts";
 * the test next to this file checks the names @trpc/tanstack-react-query imports.
 */
import { LazyUntypedClient } from "./lazy-client";

/**
 * The options proxy calls a client that is an instance of this class directly; the app's
 * client (`TRPCReactProvider`) is one.
 */
export { LazyUntypedClient as TRPCUntypedClient };

/** For a client made by `createTRPCClient`, which the browser bundle does not have. */
export function getUntypedClient(client: unknown): LazyUntypedClient {
  if (client instanceof LazyUntypedClient) return client;
  throw new Error(
    "In the browser, the tRPC client must be the LazyUntypedClient of ~/trpc/lazy-client (see client.browser.ts).",
  );
}
