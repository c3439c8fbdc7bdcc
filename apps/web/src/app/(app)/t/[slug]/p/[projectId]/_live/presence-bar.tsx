"use client";

import { Avatar } from "~/components/ui/avatar";
import { describeEvent } from "./describe-event";
import { type LiveEvent, type LivePosition, useProjectLive, type Viewer } from "./use-project-live";

type Named = { key: string; name: string };

/**
 * Keeps the project page live (see `useProjectLive`), shows who is viewing it, and tells screen
 * reader users what a teammate just did, politely (after what they are reading, never moving focus).
 */
export function LivePresence({
  projectId,
  from,
  meId,
  criteria,
}: {
  projectId: string;
  /** The newest change when the page was read (see `useProjectLive`). */
  from?: LivePosition | undefined;
  meId?: string;
  criteria?: Named[];
}) {
  const { viewers, lastEvent } = useProjectLive(projectId, from);
  return (
    <>
      <PresenceBar viewers={viewers} />
      <p className="sr-only" aria-live="polite" data-testid="live-announcement">
        {lastEvent?.actor && lastEvent.actor.id !== meId ? announce(lastEvent, criteria ?? []) : ""}
      </p>
    </>
  );
}

function announce(event: LiveEvent, criteria: Named[]) {
  const criterion = criteria.find((c) => c.key === event.criterionKey)?.name ?? null;
  return `${event.actor?.name ?? "Someone"} ${describeEvent(event, criterion)}.`;
}

/** Who has this project open right now, on any server. */
export function PresenceBar({ viewers, meId }: { viewers: Viewer[]; meId?: string }) {
  if (viewers.length === 0) return null;
  const others = viewers.filter((v) => v.id !== meId);
  const label =
    others.length === 0
      ? "Only you are viewing this decision"
      : `Viewing now: ${viewers.map((v) => (v.id === meId ? "you" : v.name)).join(", ")}`;
  return (
    <div className="flex items-center gap-2" data-testid="presence" title={label}>
      <span className="sr-only">{label}</span>
      {/* The avatars overlap each other a little, never the names beside them. */}
      <div className="-space-x-2 flex shrink-0" aria-hidden="true">
        {viewers.slice(0, 6).map((v) => (
          <Avatar key={v.id} name={v.name} size="sm" className="ring-2 ring-background" />
        ))}
      </div>
      <span className="text-muted-foreground text-xs" aria-hidden="true">
        {others.length === 0 ? "Only you" : `${viewers.length} viewing`}
        {viewers.length > 6 ? ` (+${viewers.length - 6})` : ""}
      </span>
    </div>
  );
}
