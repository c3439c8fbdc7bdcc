import { QueryClient } from "@tanstack/react-query";

/**
 * Server components hand their data to client components as props (React serializes dates
 * and the like itself), which become a query's `initialData`; nothing is dehydrated.
 */
export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Data rendered on the server stays fresh briefly, so the client does not refetch at once.
        staleTime: 30 * 1000,
        retry: (failureCount, error) => {
          const code = (error as { data?: { code?: string } }).data?.code;
          if (code && ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST"].includes(code))
            return false;
          return failureCount < 3;
        },
      },
    },
  });
}
