import type { PrismaClient } from "@tradeoff/db";
import { unseal } from "../../domain/sealed-secret";
import { invitationPath } from "../invitation/token";
import { describeNotification, type NotificationKind } from "./kinds";

const PAGE = 50;

/**
 * The caller's inbox, newest first, a page at a time (`before`: the last id of the previous
 * page). Only the caller's own rows: the user id is in the query's `where`. `secret`
 * (NEXTAUTH_SECRET) opens the sealed link of an invitation, for its invitee only, once their
 * address is verified.
 */
export async function listNotifications(
  db: PrismaClient,
  input: { userId: string; before?: string | null; secret: string | null },
) {
  const rows = await db.notification.findMany({
    where: {
      userId: input.userId,
      ...(input.before ? { id: { lt: BigInt(input.before) } } : {}),
    },
    orderBy: { id: "desc" },
    take: PAGE + 1,
    select: {
      id: true,
      kind: true,
      data: true,
      readAt: true,
      createdAt: true,
      projectId: true,
      actor: { select: { name: true, email: true } },
      team: { select: { name: true, slug: true } },
      project: { select: { title: true, number: true } },
    },
  });
  const page = rows.slice(0, PAGE);
  // An invitation's link is for an address proven to be the reader's (see create-invitation).
  const reader = page.some((row) => row.kind === "team.invited")
    ? await db.user.findUnique({ where: { id: input.userId }, select: { emailVerified: true } })
    : null;
  const secret = reader?.emailVerified ? input.secret : null;
  return {
    items: page.map((row) => ({
      id: row.id.toString(),
      kind: row.kind as NotificationKind,
      ...describeStoredNotification(withInvitationLink(row, secret)),
      read: row.readAt !== null,
      createdAt: row.createdAt,
    })),
    nextBefore: rows.length > PAGE ? (page.at(-1)?.id.toString() ?? null) : null,
  };
}

/**
 * An invitation's inbox item with its link opened (`invitePath`) from the sealed token; without
 * the secret that sealed it, or for a reader whose address is not verified, the item leads to
 * the start page (the invitation email still has the link).
 */
function withInvitationLink<R extends { kind: string; data: unknown }>(
  row: R,
  secret: string | null,
): R {
  const data = (row.data ?? {}) as Record<string, unknown>;
  if (row.kind !== "team.invited") return row;
  const { tokenSealed, invitePath: _stored, ...rest } = data;
  let invitePath = "/";
  if (typeof tokenSealed === "string" && secret) {
    try {
      invitePath = invitationPath(unseal("invitationToken", tokenSealed, secret));
    } catch {
      // A changed NEXTAUTH_SECRET: the link cannot be opened; the start page instead.
    }
  }
  return { ...row, data: { ...rest, invitePath } };
}

/** A stored notification as its reader sees it: the sentence, and where it leads. */
export function describeStoredNotification(row: {
  kind: string;
  data: unknown;
  actor: { name: string | null; email: string | null } | null;
  team: { name: string; slug: string };
  project: { title: string } | null;
  projectId: string | null;
}): { text: string; href: string } {
  const data = (row.data ?? {}) as Record<string, unknown>;
  return {
    text: describeNotification({
      kind: row.kind as NotificationKind,
      actorName: row.actor ? (row.actor.name ?? row.actor.email) : null,
      teamName: row.team.name,
      projectTitle: row.project?.title ?? null,
      data,
    }),
    href: notificationHref(row, data),
  };
}

/** Where a notification leads: its project, or for an invitation its acceptance page. */
export function notificationHref(
  row: { projectId: string | null; team: { slug: string } },
  data: Record<string, unknown>,
): string {
  if (typeof data.invitePath === "string") return data.invitePath;
  if (typeof data.settingsPath === "string") return data.settingsPath;
  if (row.projectId) return `/t/${row.team.slug}/p/${row.projectId}`;
  return `/t/${row.team.slug}`;
}

export async function countUnread(db: PrismaClient, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}
