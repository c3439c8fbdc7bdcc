import type { AppRouter } from "@tradeoff/api";
import {
  httpBatchLink,
  httpSubscriptionLink,
  loggerLink,
  splitLink,
  type TRPCLink,
} from "@trpc/client";
import superjson from "superjson";

/**
 * How the browser talks to the API. Loaded by `TRPCReactProvider` with the first request, so
 * the serializer and the transports are not part of the page's first load.
 */
export const links: TRPCLink<AppRouter>[] = [
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
];
