import type { APIRequestContext, Browser } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { createSmallProject, mutate, person } from "./decisions";
import { uniqueName } from "./names";

/** A team owned by the signed-in user of `request`. */
export function createTeamOverApi(request: APIRequestContext, name: string) {
  return mutate<{ id: string; slug: string; name: string }>(request, "team.create", { name });
}

/** An invitation of the team; returns the absolute link to open. */
export async function inviteOverApi(
  request: APIRequestContext,
  teamId: string,
  options: { role?: string; email?: string } = {},
) {
  const invitation = await mutate<{ id: string; path: string }>(request, "invitation.create", {
    teamId,
    role: options.role ?? "MEMBER",
    email: options.email ?? "",
  });
  return invitation;
}

/**
 * A member with a team and a small decision in it, not yet open (`person` signed up at `origin`,
 * whose browser is closed again), and the decision's address with a query to keep, as a link in
 * an email has it.
 */
export async function memberWithDecision(
  browser: Browser,
  label: string,
  project: Parameters<typeof createSmallProject>[2],
  origin: string = baseURL,
) {
  const owner = await person(browser, label, undefined, origin);
  const team = await createTeamOverApi(owner.context.request, uniqueName("Links"));
  const created = await createSmallProject(owner.context.request, team.id, project);
  await owner.context.close();
  return { user: owner.user, decision: `/t/${team.slug}/p/${created.id}?from=email` };
}
