"use client";

import { UserPlus, X } from "lucide-react";
import { useState } from "react";
import { InviteForm } from "~/components/team/invitations-section";
import type { TeamSummary } from "~/components/team/roles";
import { Button } from "~/components/ui/button";

/** The Members page's "Invite" button, which opens the invitation form in place. */
export function InvitePanel({ team, emailed }: { team: TeamSummary; emailed: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="invite-heading" className="space-y-4 rounded-lg border p-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="space-y-1">
          <h2 id="invite-heading" className="font-medium text-lg">
            Invite people
          </h2>
          <p className="text-muted-foreground text-sm">
            {/* Without email the form, once open, says so (NoEmailNote). */}
            {emailed ? "By email, or as a link you send yourself." : "As a link you send yourself."}{" "}
            Each link works once and expires.
          </p>
        </div>
        <Button
          variant={open ? "ghost" : "primary"}
          aria-expanded={open}
          aria-controls="invite-form"
          onClick={() => setOpen((was) => !was)}
        >
          {open ? <X aria-hidden /> : <UserPlus aria-hidden />}
          {open ? "Close" : "Invite"}
        </Button>
      </div>
      {open ? (
        <div id="invite-form">
          <InviteForm team={team} autoFocus emailed={emailed} />
        </div>
      ) : null}
    </section>
  );
}
