"use client";

import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { AppRouter } from "@tradeoff/api";
import type { TRPCClient } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useEffect, useState } from "react";
import { LazyUntypedClient } from "./lazy-client";
import { makeQueryClient } from "./query-client";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;
function getQueryClient() {
  if (typeof window === "undefined") return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

export function TRPCReactProvider({ children }: { children: React.ReactNode }) {
  const queryClient = getQueryClient();
  const [client] = useState(() => new LazyUntypedClient());
  // Not with the page, but as soon as it has hydrated: the first requests (a live stream, a
  // query without server data, the first vote) then do not wait for the download.
  useEffect(() => client.preload(), [client]);
  return (
    <QueryClientProvider client={queryClient}>
      {/* The options proxy takes an untyped client as well as a typed one (`createTRPCOptionsProxy`
          accepts either); only the provider's prop is typed for the latter. */}
      <TRPCProvider
        trpcClient={client as unknown as TRPCClient<AppRouter>}
        queryClient={queryClient}
      >
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
