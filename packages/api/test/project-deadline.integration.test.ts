import { describe, expect, it } from "vitest";
import type { DomainError } from "../src/errors";
import { trpcError, useTestDatabase } from "./helpers";
import { restHandler, restRequest } from "./isolation/call";
import { blankInput, teamWith } from "./project-fixtures";

const t = useTestDatabase();

const PASSED = "That deadline has already passed: pick a later date and time, or leave it empty.";
const LAST_YEAR = new Date(Date.now() - 365 * 24 * 3_600_000);

describe("a deadline that has already passed", () => {
  it("is refused when a decision is created, next to the deadline, and nothing is created", async () => {
    const { team, owner } = await teamWith(t);
    const refused = await trpcError(
      owner.api.project.create(blankInput(team.id, { deadline: LAST_YEAR })),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toBe(PASSED);
    expect((refused.cause as DomainError).fieldErrors).toEqual({ deadline: [PASSED] });
    expect(await t.db.project.count({ where: { teamId: team.id } })).toBe(0);

    // A later deadline, or none, is created as before.
    const later = new Date(Date.now() + 2 * 24 * 3_600_000);
    const made = await owner.api.project.create(blankInput(team.id, { deadline: later }));
    expect((await owner.api.project.get({ projectId: made.id })).deadline).toEqual(later);
    await owner.api.project.create(blankInput(team.id, { title: "No deadline" }));
  });

  it("is refused over the REST API with the same message", async () => {
    const { team, owner } = await teamWith(t);
    const { token } = await owner.api.token.create({ name: "rest", scope: "READ_WRITE" });
    const res = await restHandler(
      t.db,
      null,
    )(
      restRequest("project.create", blankInput(team.id, { deadline: LAST_YEAR.toISOString() }), {
        authorization: `Bearer ${token}`,
      }),
    );
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { detail: string; fieldErrors: Record<string, string[]> };
    expect(problem.detail).toBe(PASSED);
    expect(problem.fieldErrors).toEqual({ deadline: [PASSED] });
    expect(await t.db.project.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("keeps a draft from opening until its deadline is moved or cleared", async () => {
    const { team, owner } = await teamWith(t);
    const later = new Date(Date.now() + 2 * 24 * 3_600_000);
    const draft = await owner.api.project.create(blankInput(team.id, { deadline: later }));
    // The draft's deadline passed while it waited.
    await t.db.project.update({ where: { id: draft.id }, data: { deadline: LAST_YEAR } });

    const refused = await trpcError(owner.api.project.open({ projectId: draft.id }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toBe(PASSED);
    expect((refused.cause as DomainError).fieldErrors).toEqual({ deadline: [PASSED] });
    const still = await owner.api.project.get({ projectId: draft.id });
    expect(still.status).toBe("DRAFT");
    expect(
      await t.db.projectEvent.count({ where: { projectId: draft.id, type: "status.changed" } }),
    ).toBe(0);

    await owner.api.project.update({ projectId: draft.id, deadline: null });
    await owner.api.project.open({ projectId: draft.id });
    expect((await owner.api.project.get({ projectId: draft.id })).status).toBe("OPEN");
  });

  it("does not keep a closed decision from being reopened for another round", async () => {
    const { team, owner } = await teamWith(t);
    const later = new Date(Date.now() + 2 * 24 * 3_600_000);
    const project = await owner.api.project.create(blankInput(team.id, { deadline: later }));
    await owner.api.project.open({ projectId: project.id });
    await owner.api.project.close({ projectId: project.id });
    await t.db.project.update({ where: { id: project.id }, data: { deadline: LAST_YEAR } });

    await owner.api.project.reopen({ projectId: project.id });
    const reopened = await owner.api.project.get({ projectId: project.id });
    expect(reopened).toMatchObject({ status: "OPEN", round: 2 });
  });
});
