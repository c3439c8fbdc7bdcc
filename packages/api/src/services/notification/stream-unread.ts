import type { SessionUser } from "@tradeoff/auth";
import type { PrismaClient } from "@tradeoff/db";
import type { RealtimeHub } from "../../realtime";
import { sessionStillCurrent } from "../account/session-still-current";
import { countUnread } from "./list-notifications";

/**
 * The caller's unread count now, then again each time their inbox changes (a notification
 * written for them, or one marked read, on any instance). Ends when the client goes away, or
 * at the next change once `session` was signed out elsewhere.
 */
export async function* streamUnreadCount(
  db: PrismaClient,
  hub: RealtimeHub,
  input: { userId: string; signal?: AbortSignal; session?: SessionUser },
) {
  const { userId, signal, session } = input;
  let changed = true;
  let wake: (() => void) | null = null;
  const notify = () => {
    changed = true;
    const resume = wake;
    wake = null;
    resume?.();
  };
  // Subscribed before the first count, so a change committed in between is not missed.
  const unsubscribe = hub.subscribeInbox(userId, notify);
  signal?.addEventListener("abort", notify);
  try {
    let last = -1;
    while (!signal?.aborted) {
      if (changed) {
        changed = false;
        if (session && !(await sessionStillCurrent(db, session))) return;
        const unread = await countUnread(db, userId);
        if (unread !== last) {
          last = unread;
          yield { unread };
        }
        continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    signal?.removeEventListener("abort", notify);
    unsubscribe();
  }
}
