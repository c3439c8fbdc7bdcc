"use client";

import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { AppRouter } from "@tradeoff/api";
import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  loggerLink,
  splitLink,
} from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState } from "react";
import { isFailure } from "./errors";
import { makeQueryClient } from "./query-client";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;
function getQueryClient() {
  if (typeof window === "undefined") return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

/** How the browser talks to the API: @trpc/client over /api/trpc, answers as plain JSON. */
function createBrowserClient() {
  return createTRPCClient<AppRouter>({
    links: [
      // Every call in development. In production create-t3-app's default logs every error
      // answer, but a refusal (4xx: a bad field, no access, not found, a conflict) is the API
      // doing its job and the page already says it in words: logged, it reads as a failure to
      // anyone with the console open and buries the real ones. What the page cannot explain
      // (a 5xx, a request that never got an answer) is still logged, for support.
      loggerLink({
        enabled: (op) =>
          process.env.NODE_ENV === "development" ||
          (op.direction === "down" && op.result instanceof Error && isFailure(op.result)),
      }),
      // Subscriptions stream over server-sent events (one per open project page, resuming
      // from the last event id after a reconnect); everything else is batched.
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({ url: "/api/trpc" }),
        false: httpBatchLink({ url: "/api/trpc" }),
      }),
    ],
  });
}

export function TRPCReactProvider({ children }: { children: React.ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(createBrowserClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
