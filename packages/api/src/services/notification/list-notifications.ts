import type { PrismaClient } from "@tradeoff/db";
import { unseal } from "../../domain/sealed-secret";
import {
  type InvitationStatus,
  invitationStatus,
  invitationStatusSelect,
} from "../invitation/invitation-status";
import { invitationPath } from "../invitation/token";
import { describeNotification, type NotificationKind } from "./kinds";

const PAGE = 50;

/**
 * The caller's inbox, newest first, a page at a time (`before`: the last id of the previous
 * page). Only the caller's own rows: the user id is in the query's `where`. `secret`
 * (NEXTAUTH_SECRET) opens the sealed link of an invitation, for its invitee only, once their
 * address is verified. An invitation revoked or expired since says so and leads nowhere
 * (`href` null): its link would only be refused.
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
      project: { select: { title: true, number: true, deadline: true } },
    },
  });
  const page = rows.slice(0, PAGE);
  const invited = page.filter((row) => row.kind === "team.invited");
  // An invitation's link is for an address proven to be the reader's (see create-invitation).
  const reader =
    invited.length > 0
      ? await db.user.findUnique({ where: { id: input.userId }, select: { emailVerified: true } })
      : null;
  const secret = reader?.emailVerified ? input.secret : null;
  const ended = await endedInvitations(db, invited);
  return {
    items: page.map((row) => {
      const invitationId = row.kind === "team.invited" ? invitationIdOf(row) : undefined;
      const end = invitationId ? ended.get(invitationId) : undefined;
      const described = describeStoredNotification(
        end ? withInvitationEnded(row, end) : withInvitationLink(row, secret),
      );
      return {
        id: row.id.toString(),
        kind: row.kind as NotificationKind,
        text: described.text,
        href: end ? null : described.href,
        read: row.readAt !== null,
        createdAt: row.createdAt,
      };
    }),
    nextBefore: rows.length > PAGE ? (page.at(-1)?.id.toString() ?? null) : null,
  };
}

function invitationIdOf(row: { data: unknown }): string | undefined {
  const id = ((row.data ?? {}) as Record<string, unknown>).invitationId;
  return typeof id === "string" ? id : undefined;
}

type EndedInvitation = Extract<InvitationStatus, "revoked" | "expired">;

/** Of these invitation items, the invitations that can no longer be used, and why. */
async function endedInvitations(
  db: PrismaClient,
  rows: { data: unknown }[],
): Promise<Map<string, EndedInvitation>> {
  const ids = [...new Set(rows.flatMap((row) => invitationIdOf(row) ?? []))];
  const ended = new Map<string, EndedInvitation>();
  if (ids.length === 0) return ended;
  const invitations = await db.invitation.findMany({
    where: { id: { in: ids } },
    select: { id: true, ...invitationStatusSelect },
  });
  const now = new Date();
  for (const invitation of invitations) {
    // A used invitation keeps its link: it leads to the team its invitee joined.
    const status = invitationStatus(invitation, now);
    if (status === "revoked" || status === "expired") ended.set(invitation.id, status);
  }
  return ended;
}

/** An invitation's inbox item once it was revoked or expired: the reason, and no link. */
function withInvitationEnded<R extends { data: unknown }>(row: R, end: EndedInvitation): R {
  const {
    tokenSealed: _sealed,
    invitePath: _stored,
    ...rest
  } = (row.data ?? {}) as Record<string, unknown>;
  return { ...row, data: { ...rest, invitationEnded: end } };
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

/**
 * A stored notification as its reader sees it at `now`: the sentence, and where it leads.
 */
export function describeStoredNotification(
  row: {
    kind: string;
    data: unknown;
    actor: { name: string | null; email: string | null } | null;
    team: { name: string; slug: string };
    project: { title: string; deadline?: Date | null } | null;
    projectId: string | null;
  },
  now = new Date(),
): { text: string; href: string } {
  const data = (row.data ?? {}) as Record<string, unknown>;
  return {
    text: describeNotification({
      kind: row.kind as NotificationKind,
      actorName: row.actor ? (row.actor.name ?? row.actor.email) : null,
      teamName: row.team.name,
      projectTitle: row.project?.title ?? null,
      projectDeadline: row.project?.deadline ?? null,
      data,
      now,
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
