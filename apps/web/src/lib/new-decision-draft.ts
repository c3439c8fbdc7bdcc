import { useCallback, useEffect, useState } from "react";
import type { Draft } from "~/components/project-form/draft";

/**
 * What someone typed into the new-decision form lives in localStorage until the decision is
 * created or they start over, so leaving the page (a link, a reload, a closed tab) loses
 * nothing. One entry per member and team: on a shared browser nobody gets another person's
 * draft, and signing out drops them all.
 */
const PREFIX = "tradeoff:new-decision:";

const keyOf = (userId: string, teamId: string) => `${PREFIX}${userId}:${teamId}`;

export type KeptDraft = { draft: Draft; savedAt: string };

/** A kept draft as stored, or null when there is none or it cannot be read (another version). */
function read(key: string): KeptDraft | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const kept = JSON.parse(raw) as Partial<KeptDraft> | null;
    const draft = kept?.draft;
    if (
      typeof kept?.savedAt !== "string" ||
      typeof draft?.title !== "string" ||
      !Array.isArray(draft.options) ||
      !Array.isArray(draft.criteria)
    )
      return null;
    return { draft, savedAt: kept.savedAt };
  } catch {
    return null;
  }
}

/** Storage switched off or full: the form still works, it is just not kept. */
function attempt(action: () => void) {
  try {
    action();
  } catch {}
}

/**
 * The member's kept new-decision draft for the team (read once the page is in the browser:
 * `undefined` until then, null when there is none), and the ways to keep and drop it.
 */
export function useNewDecisionDraft(userId: string, teamId: string) {
  const key = keyOf(userId, teamId);
  const [restored, setRestored] = useState<KeptDraft | null | undefined>(undefined);
  useEffect(() => setRestored(read(key)), [key]);
  const keep = useCallback(
    (draft: Draft) =>
      attempt(() =>
        window.localStorage.setItem(
          key,
          JSON.stringify({ draft, savedAt: new Date().toISOString() } satisfies KeptDraft),
        ),
      ),
    [key],
  );
  const drop = useCallback(() => attempt(() => window.localStorage.removeItem(key)), [key]);
  return { restored, keep, drop };
}

/** Drops every kept new-decision draft on this browser (on sign-out). */
export function forgetNewDecisionDrafts() {
  attempt(() => {
    const keys: string[] = [];
    for (let i = 0; i < window.localStorage.length; i++) {
      const key = window.localStorage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    for (const key of keys) window.localStorage.removeItem(key);
  });
}
