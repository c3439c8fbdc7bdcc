import type { useTRPC } from "~/trpc/react";

/**
 * A discussion thread's comments, a page at a time (newest page first): what the discussion
 * reads, and what the project page loads before showing it.
 */
export function commentPages(
  trpc: ReturnType<typeof useTRPC>,
  projectId: string,
  thread: string | null,
) {
  return trpc.comment.list.infiniteQueryOptions(
    { projectId, thread },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
}
