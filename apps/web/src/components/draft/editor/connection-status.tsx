"use client";

import { Check, CloudOff, Loader2 } from "lucide-react";

export type SyncState = "connecting" | "offline" | "saving" | "saved";

const TEXT: Record<SyncState, string> = {
  connecting: "Connecting…",
  offline: "Offline: your edits will merge when you reconnect",
  saving: "Saving…",
  saved: "All changes saved",
};

/** Where the shared text stands, read out to screen readers when it changes. */
export function ConnectionStatus({ state }: { state: SyncState }) {
  const Icon = state === "offline" ? CloudOff : state === "saved" ? Check : Loader2;
  return (
    <p
      role="status"
      aria-live="polite"
      data-testid="draft-sync-status"
      className={
        state === "offline"
          ? "flex items-center gap-2 text-sm text-warning"
          : "flex items-center gap-2 text-muted-foreground text-sm"
      }
    >
      <Icon aria-hidden="true" className="size-4 shrink-0" />
      {TEXT[state]}
    </p>
  );
}
