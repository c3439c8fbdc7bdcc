"use client";

import { useCallback, useEffect, useRef } from "react";

/** How long a burst of live events is gathered before the page is read again once. */
const BURST_MS = 120;
/** How long a refused stream waits before it is opened again. */
const RETRY_MS = 3_000;

/**
 * A live stream refused by the server (its listener not ready yet) is opened again a little
 * later; a dropped connection is resumed by the link itself.
 */
export function useRetryRefusedStream({ status, reset }: { status: string; reset: () => void }) {
  useEffect(() => {
    if (status !== "error") return;
    const retry = setTimeout(reset, RETRY_MS);
    return () => clearTimeout(retry);
  }, [status, reset]);
}

/**
 * Returns a function that runs `refresh` once after a burst of calls, so several changes that
 * arrive together read the page's data once. Nothing runs after the component unmounts.
 * `refresh` should be stable (a `useCallback`).
 */
export function useOncePerBurst(refresh: () => void): () => void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      refresh();
    }, BURST_MS);
  }, [refresh]);
}
