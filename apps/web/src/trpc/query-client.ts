import {
  type InvalidateOptions,
  type InvalidateQueryFilters,
  QueryClient,
  type QueryKey,
} from "@tanstack/react-query";

/**
 * After a change, the refresh must not be answered by a request sent before the change.
 * `invalidateQueries` refetches the queries it matches, and by default (`cancelRefetch: true`)
 * cancels a fetch already running so that the refetch starts after the change, but TanStack
 * Query does so only for a query that already has data: a query still on its first load keeps
 * that load, whose answer can predate the change (an invitation created before the pending list
 * had loaded stayed missing from it). Such first loads are cancelled here too, silently, so that
 * the refetch replaces them and whoever waits on the load gets the refetch's answer.
 *
 * Exactly the queries the invalidation then refetches, as its options say: those of
 * `refetchType` (default: `type`, else the active ones, the kind a page watches), not disabled
 * or static; none when `refetchType` is `'none'` or `cancelRefetch` is `false` (the running load
 * is kept). A one-off fetch of a query never loaded before (`fetchQuery`, e.g. a download)
 * counts as disabled: no invalidation refetches it, so it is left to answer its caller.
 */
class AppQueryClient extends QueryClient {
  override invalidateQueries<TTaggedQueryKey extends QueryKey = QueryKey>(
    filters?: InvalidateQueryFilters<TTaggedQueryKey>,
    options: InvalidateOptions = {},
  ): Promise<void> {
    if (filters?.refetchType !== "none" && options.cancelRefetch !== false) {
      const refetched = { ...filters, type: filters?.refetchType ?? filters?.type ?? "active" };
      for (const query of this.getQueryCache().findAll(refetched)) {
        if (
          query.state.data === undefined &&
          query.state.fetchStatus === "fetching" &&
          !query.isDisabled() &&
          !query.isStatic()
        ) {
          // Not awaited: the refetch must take the load's place before the load settles.
          void query.cancel({ silent: true });
        }
      }
    }
    return super.invalidateQueries(filters, options);
  }
}

/**
 * Server components hand their data to client components as props (React serializes dates
 * and the like itself), which become a query's `initialData`; nothing is dehydrated.
 */
export function makeQueryClient() {
  return new AppQueryClient({
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
