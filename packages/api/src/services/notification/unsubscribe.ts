import { createHmac, timingSafeEqual } from "node:crypto";
import type { PrismaClient } from "@tradeoff/db";
import { DomainError } from "../../errors";
import { NOTIFICATION_KINDS, type NotificationKind } from "./kinds";
import { setPreference } from "./preferences";

/**
 * One-click unsubscribe links: `<userId>.<kind>.<signature>`, signed with the app's secret so
 * they need no sign-in and cannot be forged for someone else. They only ever turn email off.
 * The daily digest's link names `digest` instead of a kind: it turns the whole digest off.
 */
function signature(secret: string, userId: string, kind: string): string {
  return createHmac("sha256", secret).update(`unsubscribe:${userId}:${kind}`).digest("base64url");
}

/** What one link turns off: one kind's emails, or the daily digest. */
export type UnsubscribeScope = NotificationKind | "digest";

export function unsubscribeToken(secret: string, userId: string, kind: UnsubscribeScope): string {
  return `${userId}.${kind}.${signature(secret, userId, kind)}`;
}

export function readUnsubscribeToken(
  secret: string,
  token: string,
): { userId: string; kind: UnsubscribeScope } | null {
  const [userId, kind, given, ...rest] = token.split(".");
  if (!userId || !kind || !given || rest.length > 0) return null;
  if (kind !== "digest" && !(NOTIFICATION_KINDS as readonly string[]).includes(kind)) return null;
  const expected = Buffer.from(signature(secret, userId, kind));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  return { userId, kind: kind as UnsubscribeScope };
}

/**
 * Turns off email for the token's kind (or, for the digest's link, every kind the member gets
 * as a digest: back to the inbox only); a bad or tampered token is refused.
 */
export async function unsubscribe(db: PrismaClient, secret: string, token: string) {
  const parsed = readUnsubscribeToken(secret, token);
  if (!parsed) {
    throw new DomainError(
      "BAD_REQUEST",
      "This unsubscribe link is not valid. Change your email settings in Tradeoff under Account, Notifications.",
    );
  }
  const user = await db.user.findUnique({ where: { id: parsed.userId }, select: { id: true } });
  if (!user) throw new DomainError("NOT_FOUND", "This account no longer exists.");
  if (parsed.kind === "digest") {
    await db.notificationPreference.updateMany({
      where: { userId: parsed.userId, delivery: "DIGEST" },
      data: { delivery: "IN_APP" },
    });
    return { kind: parsed.kind, delivery: "IN_APP" as const };
  }
  return setPreference(db, { userId: parsed.userId, kind: parsed.kind, delivery: "IN_APP" });
}
