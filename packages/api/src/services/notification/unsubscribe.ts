import { createHmac, timingSafeEqual } from "node:crypto";
import type { PrismaClient } from "@tradeoff/db";
import { DomainError } from "../../errors";
import { NOTIFICATION_KINDS, type NotificationKind } from "./kinds";
import { listPreferences, setPreference } from "./preferences";

/**
 * One-click unsubscribe links: `<userId>.<kind>.<signature>`, signed with the app's secret so
 * they need no sign-in and cannot be forged for someone else. The kind may itself contain dots
 * (`project.opened`): it is read between the first dot and the last. They only ever turn email off.
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

/**
 * An email's one-click unsubscribe link, and the headers mail clients offer it by
 * (List-Unsubscribe, with List-Unsubscribe-Post for one click, RFC 8058).
 */
export function unsubscribeLink(
  settings: { appUrl: string; secret: string },
  userId: string,
  kind: UnsubscribeScope,
) {
  const url = new URL("/api/unsubscribe", settings.appUrl);
  url.searchParams.set("token", unsubscribeToken(settings.secret, userId, kind));
  return {
    url,
    headers: {
      "List-Unsubscribe": `<${url}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}

export function readUnsubscribeToken(
  secret: string,
  token: string,
): { userId: string; kind: UnsubscribeScope } | null {
  // Kinds contain dots ("project.opened"); the user id (a cuid) and the signature (base64url)
  // never do, so the first and last parts are those and the kind is everything between.
  const first = token.indexOf(".");
  const last = token.lastIndexOf(".");
  if (first <= 0 || last <= first + 1 || last === token.length - 1) return null;
  const userId = token.slice(0, first);
  const kind = token.slice(first + 1, last);
  const given = token.slice(last + 1);
  if (kind !== "digest" && !(NOTIFICATION_KINDS as readonly string[]).includes(kind)) return null;
  const expected = Buffer.from(signature(secret, userId, kind));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  return { userId, kind: kind as UnsubscribeScope };
}

/** What each kind's emails are about, as the unsubscribe page names them. */
const ABOUT: Record<NotificationKind, string> = {
  "team.invited": "team invitations",
  "project.opened": "decisions opening for your vote",
  "deadline.near": "deadlines near with your ballot not complete",
  nudge: "nudges to vote",
  "project.closed": "voting closing",
  "decision.recorded": "decisions recorded",
  "project.superseded": "decisions superseded",
  "project.reopened": "decisions reopened",
  "webhook.disabled": "team webhooks turned off",
};

/** The emails one link stops: "emails about nudges to vote", or the daily digest. */
export function stoppedEmails(kind: UnsubscribeScope): string {
  return kind === "digest" ? "the daily digest email" : `emails about ${ABOUT[kind]}`;
}

const BAD_LINK =
  "This unsubscribe link is not valid. Change your email settings in Tradeoff under Account, Notifications.";

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * What the link's page says before the press: which emails it stops, and what the member will
 * still get (the inbox, and each other kind still emailed or in the daily digest, as chosen).
 */
export async function describeUnsubscribe(db: PrismaClient, secret: string, token: string) {
  const parsed = readUnsubscribeToken(secret, token);
  if (!parsed) throw new DomainError("BAD_REQUEST", BAD_LINK);
  const user = await db.user.findUnique({ where: { id: parsed.userId }, select: { id: true } });
  if (!user) throw new DomainError("NOT_FOUND", "This account no longer exists.");
  const kinds = await listPreferences(db, parsed.userId);
  const still = (delivery: "EMAIL" | "DIGEST") =>
    kinds
      .filter((k) => k.delivery === delivery && k.kind !== parsed.kind)
      .map((k) => lowerFirst(k.label));
  const byEmail = still("EMAIL");
  const inDigest = parsed.kind === "digest" ? [] : still("DIGEST");
  const kept = [
    parsed.kind === "digest"
      ? "You will still see everything the digest gathers in your Tradeoff inbox"
      : `You will still see ${ABOUT[parsed.kind]} in your Tradeoff inbox`,
    byEmail.length ? `, and still get by email: ${byEmail.join("; ")}` : "",
    inDigest.length ? `; and in the daily digest: ${inDigest.join("; ")}` : "",
    ". Emails about your account and invitations to teams do not change.",
  ].join("");
  return { stops: stoppedEmails(parsed.kind), kept };
}

/**
 * Turns off email for the token's kind (or, for the digest's link, every kind the member gets
 * as a digest: back to the inbox only); a bad or tampered token is refused.
 */
export async function unsubscribe(db: PrismaClient, secret: string, token: string) {
  const parsed = readUnsubscribeToken(secret, token);
  if (!parsed) throw new DomainError("BAD_REQUEST", BAD_LINK);
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
