"use client";

import { Avatar } from "~/components/ui/avatar";
import { useProjectLive, type Viewer } from "./use-project-live";

/** Keeps the project page live (see `useProjectLive`) and shows who is viewing it. */
export function LivePresence({ projectId }: { projectId: string }) {
  const { viewers } = useProjectLive(projectId);
  return <PresenceBar viewers={viewers} />;
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
      <div className="-space-x-2 flex" aria-hidden="true">
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
