import { describe, expect, it } from "vitest";
import { trpcError, useTestDatabase } from "./helpers";
import { restHandler, restRequest } from "./isolation/call";
import { at, openBlankProject } from "./project-fixtures";

/**
 * A ballot names the member it was filled in for. On a shared browser another person may sign
 * in while a tab of the first one still holds unsent edits: those edits arrive with the new
 * person's session and must be refused, not saved as the new person's vote.
 */
const t = useTestDatabase();

const stored = async (projectId: string) => ({
  votes: await t.db.vote.findMany({
    where: { projectId },
    select: { userId: true, weight: true },
  }),
  events: await t.db.projectEvent.count({ where: { projectId, type: { startsWith: "vote." } } }),
});

describe("a vote filled in for one member, sent as another", () => {
  it("is refused with who is signed in now and what to do, and nothing is saved", async () => {
    const { people, projectId } = await openBlankProject(t, ["MEMBER", "MEMBER"]);
    const frank = at(people, 1);
    const carol = at(people, 2);
    const before = await stored(projectId);

    // Frank's page, but Carol's session: the browser signed in as Carol meanwhile.
    const error = await trpcError(
      carol.api.vote.cast({
        projectId,
        criterionKey: "ops",
        voterId: frank.id,
        weight: 4,
        scores: { kafka: 2, sqs: 5 },
      }),
    );
    expect(error.code).toBe("CONFLICT");
    const message = `Nothing was saved: this ballot was filled in for another account, and ${carol.name} (${carol.email}) is signed in on this browser now. Reload the page to vote as ${carol.name}, or sign in again as the person who filled it in to send their votes.`;
    expect(error.message).toBe(message);
    expect(await stored(projectId)).toEqual(before);

    // Retracting on his page is refused the same way: his vote stays as it is.
    await frank.api.vote.cast({ projectId, criterionKey: "ops", voterId: frank.id, weight: 2 });
    const retract = await trpcError(
      carol.api.vote.retract({ projectId, criterionKey: "ops", voterId: frank.id }),
    );
    expect(retract.code).toBe("CONFLICT");
    expect(retract.message).toBe(message);
    expect((await stored(projectId)).votes).toEqual([{ userId: frank.id, weight: 2 }]);
  });

  it("is saved when the ballot is the signed-in member's, and without voterId as before", async () => {
    const { people, projectId } = await openBlankProject(t, ["MEMBER"]);
    const frank = at(people, 1);
    await frank.api.vote.cast({ projectId, criterionKey: "ops", voterId: frank.id, weight: 4 });
    // Pages opened before ballots named their member, scripts and the CLI send no voterId.
    await frank.api.vote.cast({ projectId, criterionKey: "ordering", weight: 3 });
    expect((await stored(projectId)).votes).toEqual(
      expect.arrayContaining([
        { userId: frank.id, weight: 4 },
        { userId: frank.id, weight: 3 },
      ]),
    );
    await frank.api.vote.retract({ projectId, criterionKey: "ops", voterId: frank.id });
    expect((await stored(projectId)).votes).toEqual([{ userId: frank.id, weight: 3 }]);
  });

  it("over REST with an access token: another member's id is 409, none or one's own is saved", async () => {
    const { people, projectId } = await openBlankProject(t, ["MEMBER", "MEMBER"]);
    const frank = at(people, 1);
    const carol = at(people, 2);
    const { token } = await carol.api.token.create({ name: "script", scope: "READ_WRITE" });
    const handler = restHandler(t.db, null);
    const headers = { authorization: `Bearer ${token}` };
    const vote = { projectId, criterionKey: "ops", weight: 5, scores: {} };

    const refused = await handler(
      restRequest("vote.cast", { ...vote, voterId: frank.id }, headers),
    );
    expect(refused.status).toBe(409);
    const problem = (await refused.json()) as { detail: string; fieldErrors: object };
    expect(problem.detail).toBe(
      `Nothing was saved: this vote is for another account (voterId), and this access token belongs to ${carol.name} (${carol.email}). Leave voterId out to vote as ${carol.name}, or use a token of the account the vote is for.`,
    );
    expect(problem.fieldErrors).toEqual({ voterId: [problem.detail] });
    expect((await stored(projectId)).votes).toEqual([]);

    expect((await handler(restRequest("vote.cast", vote, headers))).status).toBe(200);
    const own = await handler(
      restRequest("vote.cast", { ...vote, weight: 1, voterId: carol.id }, headers),
    );
    expect(own.status).toBe(200);
    expect((await stored(projectId)).votes).toEqual([{ userId: carol.id, weight: 1 }]);
  });
});
