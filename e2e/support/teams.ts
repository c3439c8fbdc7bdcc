import type { APIRequestContext } from "@playwright/test";
import { mutate } from "./decisions";

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
