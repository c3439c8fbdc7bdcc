import { type APIRequestContext, expect } from "@playwright/test";

/** Calls a tRPC mutation over HTTP as the request context's signed-in user. */
export async function mutate<T>(
  request: APIRequestContext,
  path: string,
  input: unknown,
): Promise<T> {
  const response = await request.post(`/api/trpc/${path}`, { data: input });
  expect(response.status(), await response.text()).toBe(200);
  const body = (await response.json()) as { result: { data: T } };
  return body.result.data;
}

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
