import {
  type InvalidateOptions,
  type InvalidateQueryFilters,
  QueryClient,
  type QueryKey,
} from "@tanstack/react-query";

/**
 * After a change, the refresh must not be answered by a request sent before the change.
 * TanStack Query cancels a running fetch when a query is invalidated only if the query already
 * has data; a query still on its first load keeps that load, whose answer can predate the
 * change (an invitation created before the pending list had loaded stayed missing from it).
 * Such first loads are cancelled here, so the refetch that follows starts after the change.
 * Only those of queries the page watches (active ones, the kind an invalidation refetches by
 * default): a one-off fetch (`fetchQuery`, e.g. a page asked for once) has no one to refetch it
 * for, so cancelling it would only throw its answer away and reject its caller.
 */
class AppQueryClient extends QueryClient {
  override async invalidateQueries<TTaggedQueryKey extends QueryKey = QueryKey>(
    filters?: InvalidateQueryFilters<TTaggedQueryKey>,
    options?: InvalidateOptions,
  ): Promise<void> {
    const firstLoads = this.getQueryCache()
      .findAll(filters)
      .filter(
        (query) =>
          query.isActive() &&
          query.state.data === undefined &&
          query.state.fetchStatus === "fetching",
      );
    await Promise.all(firstLoads.map((query) => query.cancel({ revert: true })));
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
