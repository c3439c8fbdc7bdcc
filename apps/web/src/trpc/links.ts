import type { AppRouter } from "@tradeoff/api";
import superjson from "superjson";
import {
  createTRPCUntypedClient,
  httpBatchLink,
  httpSubscriptionLink,
  loggerLink,
  splitLink,
} from "trpc-client-impl";

/**
 * How the browser talks to the API: @trpc/client (imported under the name next.config.ts keeps
 * for the real package, see client.browser.ts), its links and the serializer. Loaded by
 * `LazyUntypedClient` once the page has hydrated, so none of it is part of a page's first load.
 */
export function createUntypedClient() {
  return createTRPCUntypedClient<AppRouter>({
    links: [
      loggerLink({
        enabled: (op) =>
          process.env.NODE_ENV === "development" ||
          (op.direction === "down" && op.result instanceof Error),
      }),
      // Subscriptions stream over server-sent events (one per open project page, resuming
      // from the last event id after a reconnect); everything else is batched.
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({ url: "/api/trpc", transformer: superjson }),
        false: httpBatchLink({ url: "/api/trpc", transformer: superjson }),
      }),
    ],
  });
}
