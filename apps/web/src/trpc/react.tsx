"use client";

import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { AppRouter } from "@tradeoff/api";
import type { TRPCClient } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState } from "react";
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
  // The options proxy takes an untyped client as well as a typed one (`createTRPCOptionsProxy`
  // accepts either); only the provider's prop is typed for the latter.
  const [trpcClient] = useState(() => new LazyUntypedClient() as unknown as TRPCClient<AppRouter>);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
