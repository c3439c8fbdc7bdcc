import { useMutation } from "@tanstack/react-query";
import { useState } from "react";

/** What `fetchNextPage` of an infinite query answers, as far as "Show older" reads it. */
type NextPageResult<TPage> = {
  isError: boolean;
  error: unknown;
  hasNextPage: boolean;
  data?: { pages: TPage[] } | undefined;
};

/**
 * "Show older" of a list whose pages are one infinite query, refetched in order by every
 * refresh: fetches the page after the `shown` ones and returns the pages it added.
 *
 * A refresh under way is waited for rather than thrown away (`cancelRefetch: false`), and one
 * that starts while the older page loads takes that load's place and refetches only the pages
 * already shown: either way the older page is then asked for again, from the last item of the
 * refreshed pages, so nothing is lost or repeated between them. Each retry follows a real change
 * of the list; a few are enough. A failed load rejects.
 */
export async function fetchOlderPages<TPage>(
  shown: number,
  fetchNextPage: (options: { cancelRefetch: boolean }) => Promise<NextPageResult<TPage>>,
): Promise<TPage[]> {
  let result = await fetchNextPage({ cancelRefetch: false });
  for (let again = 0; again < 3; again++) {
    if (result.isError || !result.hasNextPage || (result.data?.pages.length ?? 0) > shown) break;
    result = await fetchNextPage({ cancelRefetch: false });
  }
  if (result.isError) throw result.error;
  return (result.data?.pages ?? []).slice(shown);
}

/**
 * The "Show older" button's action for a list of items with ids: fetches the older pages
 * (`fetchOlderPages`) and keeps the items not already shown (`mutate(shownIds)`). `said` is what
 * the last press brought in words ("3 older changes shown.", or `words.failed`), for the list's
 * status line; `onShown` gets the first item it brought, to focus.
 */
export function useShowOlder<TItem extends { id: string }>(
  shownPages: number,
  fetchNextPage: (options: {
    cancelRefetch: boolean;
  }) => Promise<NextPageResult<{ items: TItem[] }>>,
  words: { one: string; many: string; failed: string },
  onShown: (first: string | null) => void,
) {
  const [said, setSaid] = useState("");
  const mutation = useMutation({
    mutationFn: async (shownIds: ReadonlySet<string>) =>
      (await fetchOlderPages(shownPages, fetchNextPage))
        .flatMap((page) => page.items)
        .filter((item) => !shownIds.has(item.id)),
    onSuccess: (older) => {
      const count = older.length;
      setSaid(
        count === 0
          ? `No older ${words.many}.`
          : `${count} older ${count === 1 ? words.one : words.many} shown.`,
      );
      onShown(older[0]?.id ?? null);
    },
    onError: () => setSaid(words.failed),
  });
  return { ...mutation, said };
}
