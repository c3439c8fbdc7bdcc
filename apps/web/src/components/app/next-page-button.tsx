"use client";

import { Button, type ButtonProps } from "~/components/ui/button";

/** The parts of an infinite query (TanStack Query's `useInfiniteQuery`) the button reads. */
type Pages = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
};

/**
 * "Show more" under a list read a page at a time: shown while there is a next page, it loads it,
 * and is busy (not disabled, so the keyboard stays on it) while the page loads.
 */
export function NextPageButton({
  pages,
  ...props
}: Omit<ButtonProps, "loading" | "onClick"> & { pages: Pages }) {
  if (!pages.hasNextPage) return null;
  return (
    <Button
      variant="outline"
      size="sm"
      {...props}
      loading={pages.isFetchingNextPage}
      onClick={() => void pages.fetchNextPage()}
    />
  );
}
