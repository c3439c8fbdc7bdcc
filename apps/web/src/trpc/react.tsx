"use client";

import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { AppRouter } from "@tradeoff/api";
import {
  createTRPCClient,
  type OperationLink,
  type OperationResultObservable,
  TRPCClientError,
  type TRPCLink,
} from "@trpc/client";
import { observable } from "@trpc/server/observable";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState } from "react";
import { makeQueryClient } from "./query-client";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;
function getQueryClient() {
  if (typeof window === "undefined") return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

/**
 * Pages render with their data from the server, so the links in ./links.ts (transports and
 * serializer) load with the first request instead of with the page; every operation waits
 * for them, then runs through them unchanged.
 */
function deferredLinks(): TRPCLink<AppRouter> {
  return (runtime) => {
    let loaded: Promise<OperationLink<AppRouter>[]> | undefined;
    return ({ op }) =>
      observable((observer) => {
        let stopped = false;
        let unsubscribe = () => {};
        loaded ??= import("./links").then(({ links }) => links.map((link) => link(runtime)));
        loaded.then(
          (chain) => {
            if (stopped) return;
            const execute = (
              index: number,
              current: typeof op,
            ): OperationResultObservable<AppRouter, unknown> => {
              const link = chain[index];
              if (!link) throw new Error("The tRPC links have no terminating link.");
              return link({ op: current, next: (nextOp) => execute(index + 1, nextOp) });
            };
            unsubscribe = execute(0, op).subscribe(observer).unsubscribe;
          },
          (cause: unknown) => {
            loaded = undefined;
            observer.error(
              TRPCClientError.from(cause instanceof Error ? cause : new Error(String(cause))),
            );
          },
        );
        return () => {
          stopped = true;
          unsubscribe();
        };
      });
  };
}

export function TRPCReactProvider({ children }: { children: React.ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() => createTRPCClient<AppRouter>({ links: [deferredLinks()] }));
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
