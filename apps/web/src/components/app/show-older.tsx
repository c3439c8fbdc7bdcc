"use client";

import { type Ref, useEffect, useState } from "react";
import { Button } from "~/components/ui/button";
import type { useShowOlder } from "~/trpc/show-older";

type ShowOlderAction = Pick<
  ReturnType<typeof useShowOlder>,
  "mutate" | "isPending" | "isError" | "said"
>;

/**
 * The end of a list paged by `useShowOlder`: its "Show older" button while there are older
 * pages, what to do when loading them failed, and the status line that reads out what the last
 * press brought. The status line stays after the last page is in, so that press is heard too.
 */
export function ShowOlder({
  showOlder,
  hasOlder,
  items,
  label,
  failed,
  className,
  buttonRef,
  onPress,
}: {
  showOlder: ShowOlderAction;
  hasOlder: boolean;
  /** The items on screen: the older pages add only the others. */
  items: readonly { id: string }[];
  label: string;
  /** Said under the button when the older pages could not be loaded. */
  failed: string;
  className: string;
  buttonRef?: Ref<HTMLButtonElement>;
  onPress?: (button: HTMLButtonElement) => void;
}) {
  return (
    <>
      {hasOlder ? (
        <div className={className}>
          <Button
            ref={buttonRef}
            variant="outline"
            size="sm"
            onClick={(event) => {
              onPress?.(event.currentTarget);
              showOlder.mutate(new Set(items.map((item) => item.id)));
            }}
            // Busy, not disabled, while the page loads: disabling it would drop the focus.
            loading={showOlder.isPending}
          >
            {label}
          </Button>
          {showOlder.isError ? <p className="text-destructive text-sm">{failed}</p> : null}
        </div>
      ) : null}
      <p role="status" className="sr-only">
        {showOlder.said}
      </p>
    </>
  );
}

/**
 * Focus for a list paged by `useShowOlder`: returns its `onShown`, and focuses the first item a
 * press brought once `find` finds it on the page. Only when the keyboard was on the button that
 * was pressed (`pressed`), or was lost with it: the focus is never taken from elsewhere.
 */
export function useFocusShown(
  find: (id: string) => Element | null | undefined,
  pressed: () => Element | null,
) {
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (focusId === null) return;
    const item = find(focusId);
    if (!(item instanceof HTMLElement)) return;
    setFocusId(null);
    const active = document.activeElement;
    if (active === pressed() || active === document.body || !active?.isConnected) item.focus();
  });
  return setFocusId;
}
