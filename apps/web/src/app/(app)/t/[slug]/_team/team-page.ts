import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isAdmin, type Role } from "~/components/team/roles";
import { getSessionUser, requireSessionUser } from "~/server/auth";
import { api, apiOrNull } from "~/trpc/server";

/** The team the slug names, or null when it does not exist or the user is not in it. */
const loadTeam = (slug: string) => apiOrNull((c) => c.team.get({ slug }));

/** A team page's title: "<label> · <team>", without asking the API while signed out. */
export async function teamPageMetadata(slug: string, label: string, signedOut: string) {
  if (!(await getSessionUser())) return { title: signedOut } satisfies Metadata;
  const team = await loadTeam(slug);
  return { title: team ? `${label} · ${team.name}` : "Team not found" } satisfies Metadata;
}

/**
 * The signed-in user and the team of a page under /t/<slug>/<page>: signed out, to sign-in
 * (and back here); a team they are not in, not found. The layout redirects too, but pages
 * render alongside it: never call the API signed out.
 */
export async function teamPageData(slug: string, page: string) {
  const user = await requireSessionUser(`/t/${slug}/${page}`);
  const team = await loadTeam(slug);
  if (!team) notFound();
  const summary = { id: team.id, name: team.name, slug: team.slug, role: team.role };
  return { user, team, summary };
}

/**
 * The team's members and, for owners and admins, its pending invitations, as the Members and
 * Settings pages render them on the server: their lists are there from the first paint, and
 * nothing below them moves when they load.
 */
export async function teamPeople(team: { id: string; role: Role }) {
  const [members, invitations] = await Promise.all([
    api((c) => c.member.list({ teamId: team.id })),
    isAdmin(team.role) ? api((c) => c.invitation.list({ teamId: team.id })) : undefined,
  ]);
  return { members, invitations };
}
