import { drfVsFastapi, suggestWeights } from "@tradeoff/templates";
import type { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError } from "../src/errors";
import { STALE_EDIT_MESSAGE } from "../src/schemas/project";
import { TEAM_TEMPLATE_LIMIT } from "../src/services/template/save-team-template";
import { sentTwiceThenRetried, trpcError, useTestDatabase } from "./helpers";
import { at, blankInput, drfInput, openProject, teamWith } from "./project-fixtures";
import { holdRowLock, itWithLocks } from "./row-lock";

const t = useTestDatabase();

describe("creating decision projects", () => {
  it("creates a draft from the built-in template with its 13 criteria, guidance and a created event", async () => {
    const { team, owner } = await teamWith(t);
    const created = await owner.api.project.create(drfInput(team.id));
    expect(created).toMatchObject({ number: 1, status: "DRAFT" });

    const project = await owner.api.project.get({ projectId: created.id });
    expect(project.options.map((o) => o.key)).toEqual(["drf", "fastapi"]);
    expect(project.criteria).toHaveLength(13);
    expect(project.criteria[3]?.guidance.fastapi?.summary).toMatch(/speed/);
    expect(project.templateKey).toBe("drf-vs-fastapi");
    expect(project.viewer).toMatchObject({ canManage: true, canVote: true });

    const events = await t.db.projectEvent.findMany({ where: { projectId: created.id } });
    expect(events.map((e) => e.type)).toEqual(["project.created"]);
    expect(events[0]?.actorId).toBe(owner.id);
  });

  it("numbers projects per team and creates blank ones with anchors and must-haves", async () => {
    const { team, owner } = await teamWith(t);
    await owner.api.project.create(blankInput(team.id));
    const second = await owner.api.project.create(blankInput(team.id, { title: "Second" }));
    expect(second.number).toBe(2);
    const project = await owner.api.project.get({ projectId: second.id });
    expect(project.criteria[0]).toMatchObject({
      anchorLow: "We page someone weekly",
      anchorHigh: "Nobody notices it",
      mustHave: false,
    });
    expect(project.criteria[1]?.mustHave).toBe(true);
  });

  it("creates a decision once per idempotency key: a double submit or a retry answers the first", async () => {
    const { team, owner, people } = await teamWith(t, ["MEMBER"]);
    const key = "3c9a4f1e-7b2d-4e8a-9f6c-1d2e3f4a5b6c";
    const input = blankInput(team.id, { title: "Submitted twice", idempotencyKey: key });
    // A double click (both requests at once), then the same submission again after the answer
    // was lost on the way back.
    const first = await sentTwiceThenRetried(() => owner.api.project.create(input));
    expect(await t.db.project.count({ where: { teamId: team.id } })).toBe(1);
    const events = await t.db.projectEvent.count({
      where: { projectId: first.id, type: "project.created" },
    });
    expect(events).toBe(1);

    // Another submission (a new key) is another decision; the key is the creator's own.
    const other = await owner.api.project.create({
      ...input,
      idempotencyKey: "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b",
    });
    expect(other.number).toBe(2);
    const teammate = await at(people, 1).api.project.create(input);
    expect(teammate.id).not.toBe(first.id);

    const bad = await trpcError(
      owner.api.project.create({ ...input, idempotencyKey: "twice please" }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toMatch(/UUID/);
  });

  it("proposes starting weights from the context questions, like the template package", async () => {
    const { team, owner } = await teamWith(t);
    const answers = { "team-knows-django": true, greenfield: false };
    const suggested = await owner.api.project.suggestWeights({
      teamId: team.id,
      templateKey: "drf-vs-fastapi",
      answers,
    });
    expect(suggested).toEqual(suggestWeights(drfVsFastapi, answers));
    expect(suggested.weights["learning-curve"]).toBeGreaterThan(3);

    const error = await trpcError(
      owner.api.project.suggestWeights({
        teamId: team.id,
        templateKey: "drf-vs-fastapi",
        answers: { "do-you-like-cats": true },
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
  });

  it("flags answers that contradict each other, naming both and what to do, and still proposes weights", async () => {
    const { team, owner } = await teamWith(t);
    const ask = (answers: Record<string, boolean>) =>
      owner.api.project.suggestWeights({ teamId: team.id, templateKey: "drf-vs-fastapi", answers });
    const both = await ask({ "existing-django-codebase": true, greenfield: true });
    expect(both.contradictions).toEqual([
      {
        questionKeys: ["existing-django-codebase", "greenfield"],
        message: expect.stringContaining(
          "“Must the API live inside an existing Django codebase?” (Yes) and “Is this a greenfield system with no legacy code to integrate?” (Yes) contradict each other",
        ),
      },
    ]);
    expect(both.contradictions[0]?.message).toMatch(
      /Change one of these answers, or answer “Not sure”/,
    );
    // Not blocked: the weights are still proposed, from every answer given.
    expect(both.weights).toEqual(
      suggestWeights(drfVsFastapi, { "existing-django-codebase": true, greenfield: true }).weights,
    );
    expect(both.changes.length).toBeGreaterThan(0);

    expect(
      (await ask({ "existing-django-codebase": true, greenfield: false })).contradictions,
    ).toEqual([]);
    expect((await ask({ "existing-django-codebase": true })).contradictions).toEqual([]);
  });

  /** The messages the client gets for the `answers` field. */
  const answersErrors = (error: TRPCError) =>
    error.cause instanceof z.ZodError
      ? (z.flattenError(error.cause).fieldErrors as Record<string, string[] | undefined>).answers
      : undefined;

  it("refuses an unbounded set of context answers, saying how many are allowed", async () => {
    const { team, owner } = await teamWith(t);
    const many = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`q${i}`, true]));
    const error = await trpcError(
      owner.api.project.suggestWeights({
        teamId: team.id,
        templateKey: "drf-vs-fastapi",
        answers: many,
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(answersErrors(error)).toEqual([
      "Answer at most 50 context questions (this request has 5000). Send only the template's questions.",
    ]);
    const longKey = await trpcError(
      owner.api.project.suggestWeights({
        teamId: team.id,
        templateKey: "drf-vs-fastapi",
        answers: { ["k".repeat(65)]: true },
      }),
    );
    expect(longKey.code).toBe("BAD_REQUEST");
    expect(answersErrors(longKey)).toEqual([
      "A question key is at most 64 characters; use the keys of the template's questions.",
    ]);
  });

  it("refuses bad shapes with field errors and writes nothing", async () => {
    const { team, owner } = await teamWith(t);
    const before = await t.db.project.count();
    const cases = [
      blankInput(team.id, { title: "  " }),
      blankInput(team.id, { options: [{ key: "only", name: "Only one" }] }),
      blankInput(team.id, {
        options: Array.from({ length: 7 }, (_, i) => ({ key: `o${i}`, name: `O${i}` })),
      }),
      blankInput(team.id, { criteria: [] }),
      blankInput(team.id, {
        criteria: Array.from({ length: 31 }, (_, i) => ({
          key: `c${i}`,
          name: `C${i}`,
          defaultWeight: 3,
        })),
      }),
      blankInput(team.id, {
        options: [
          { key: "same", name: "A" },
          { key: "same", name: "B" },
        ],
      }),
      blankInput(team.id, { criteria: [{ key: "x", name: "X", defaultWeight: 6 }] }),
      blankInput(team.id, { templateKey: "no-such-template" }),
    ];
    for (const input of cases) {
      const error = await trpcError(owner.api.project.create(input as never));
      expect(error.code).toBe("BAD_REQUEST");
    }
    const dup = await trpcError(
      owner.api.project.create(
        blankInput(team.id, {
          options: [
            { key: "same", name: "A" },
            { key: "same", name: "B" },
          ],
        }) as never,
      ),
    );
    expect(JSON.stringify(dup.cause)).toContain("already uses the key");
    expect(await t.db.project.count()).toBe(before);
  });

  it("lets viewers read but not create", async () => {
    const { team, people } = await teamWith(t, ["VIEWER"]);
    const viewer = at(people, 1);
    const error = await trpcError(viewer.api.project.create(blankInput(team.id)));
    expect(error.code).toBe("FORBIDDEN");
    expect((await viewer.api.project.list({ teamId: team.id })).items).toEqual([]);
  });
});

describe("the project lifecycle", () => {
  it("keeps a criterion's guidance to the project's own options when a draft is edited", async () => {
    const { team, owner } = await teamWith(t);
    const { id } = await owner.api.project.create(blankInput(team.id));
    const guidance = {
      kafka: { summary: "Replays from any offset." },
      sqs: { summary: "Nothing to run." },
      nats: { summary: "Not an option of this decision." },
    };
    await owner.api.project.update({
      projectId: id,
      criteria: [{ key: "ops", name: "Ops", defaultWeight: 4, guidance }],
    });
    const guidanceOf = async () =>
      (await owner.api.project.get({ projectId: id })).criteria[0]?.guidance ?? {};
    expect(Object.keys(await guidanceOf()).sort()).toEqual(["kafka", "sqs"]);

    // Dropping an option drops what the guidance said about it.
    await owner.api.project.update({
      projectId: id,
      options: [
        { key: "kafka", name: "Kafka" },
        { key: "rabbit", name: "RabbitMQ" },
      ],
    });
    expect(Object.keys(await guidanceOf())).toEqual(["kafka"]);
    const stored = await t.db.criterion.findMany({ where: { projectId: id } });
    expect(JSON.stringify(stored)).not.toMatch(/nats|Nothing to run/);

    // More entries than a decision has options is refused outright, writing nothing.
    const many = Object.fromEntries(
      Array.from({ length: 7 }, (_, i) => [`o${i}`, { summary: "x" }]),
    );
    const refused = await trpcError(
      owner.api.project.update({
        projectId: id,
        criteria: [{ key: "ops", name: "Ops", defaultWeight: 4, guidance: many }],
      }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(Object.keys(await guidanceOf())).toEqual(["kafka"]);
  });

  it("edits a draft freely, records only the changed fields, and locks options and criteria once open", async () => {
    const { team, owner } = await teamWith(t);
    const { id } = await owner.api.project.create(blankInput(team.id));
    const edit = await owner.api.project.update({
      projectId: id,
      title: "Queue for billing",
      context: "We need a queue.",
      criteria: [{ key: "ops", name: "Ops", defaultWeight: 4 }],
    });
    expect(edit.changed.sort()).toEqual(["criteria", "title"]);
    const edited = await t.db.projectEvent.findFirstOrThrow({
      where: { projectId: id, type: "project.edited" },
    });
    expect(edited.data).toMatchObject({
      before: { title: "Which queue for billing events?" },
      after: { title: "Queue for billing" },
    });
    expect(Object.keys((edited.data as { after: object }).after)).not.toContain("context");

    await owner.api.project.open({ projectId: id });
    const locked = await trpcError(
      owner.api.project.update({
        projectId: id,
        criteria: [{ key: "ops", name: "Ops", defaultWeight: 1 }],
      }),
    );
    expect(locked.code).toBe("CONFLICT");
    expect(locked.message).toMatch(/only change while the decision is a draft/);
    expect((await owner.api.project.get({ projectId: id })).criteria[0]?.defaultWeight).toBe(4);
    // The title may still be corrected while voting.
    await owner.api.project.update({ projectId: id, title: "Billing queue" });
  });

  it("refuses a deadline that has already passed when an open decision is edited, next to the deadline, and still lets it be cleared", async () => {
    const { team, owner } = await teamWith(t);
    const { id } = await owner.api.project.create(blankInput(team.id));
    await owner.api.project.open({ projectId: id });
    const later = new Date(Date.now() + 7 * 24 * 3600_000);
    await owner.api.project.update({ projectId: id, deadline: later });

    const past = await trpcError(
      owner.api.project.update({ projectId: id, deadline: new Date("2020-01-01T10:00:00Z") }),
    );
    const message =
      "That deadline has already passed: pick a later date and time, or leave it empty.";
    expect(past.code).toBe("BAD_REQUEST");
    expect(past.message).toBe(message);
    expect(past.cause).toBeInstanceOf(DomainError);
    expect((past.cause as DomainError).fieldErrors).toEqual({ deadline: [message] });
    const kept = await owner.api.project.get({ projectId: id });
    expect(kept.deadline).toEqual(later);
    // A refused edit records nothing: the one edit on file is the deadline set above.
    expect(
      await t.db.projectEvent.count({ where: { projectId: id, type: "project.edited" } }),
    ).toBe(1);

    // Saving the form again with the other fields changed leaves an unchanged deadline alone,
    // and the deadline can always be cleared.
    await owner.api.project.update({ projectId: id, title: "Renamed", deadline: later });
    await owner.api.project.update({ projectId: id, deadline: null });
    expect((await owner.api.project.get({ projectId: id })).deadline).toBeNull();
  });

  it("refuses a save made on a version someone else has changed since, keeping their change", async () => {
    const { team, owner, people } = await teamWith(t, ["ADMIN"]);
    const admin = at(people, 1);
    const { id } = await owner.api.project.create(blankInput(team.id));
    // Both open the draft's settings.
    const ownersCopy = await owner.api.project.get({ projectId: id });
    const adminsCopy = await admin.api.project.get({ projectId: id });

    const first = await owner.api.project.update({
      projectId: id,
      expectedUpdatedAt: ownersCopy.updatedAt,
      title: "Queue for billing",
      quorum: 2,
    });
    expect(first.updatedAt.getTime()).toBeGreaterThan(ownersCopy.updatedAt.getTime());

    // The admin's whole form, sent on the version they opened, would put the old title back.
    const stale = await trpcError(
      admin.api.project.update({
        projectId: id,
        expectedUpdatedAt: adminsCopy.updatedAt.toISOString(),
        title: adminsCopy.title,
        quorum: null,
        method: "MEDIAN",
      }),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toBe(STALE_EDIT_MESSAGE);
    expect(stale.message).toMatch(/Someone else changed this decision/);
    expect((stale.cause as DomainError).fieldErrors).toEqual({
      expectedUpdatedAt: [STALE_EDIT_MESSAGE],
    });
    const kept = await owner.api.project.get({ projectId: id });
    expect(kept).toMatchObject({ title: "Queue for billing", quorum: 2, method: "WEIGHTED_MEAN" });
    expect(kept.updatedAt).toEqual(first.updatedAt);
    expect(
      await t.db.projectEvent.count({ where: { projectId: id, type: "project.edited" } }),
    ).toBe(1);

    // On the version now stored, the admin's change goes through and moves the version on.
    const second = await admin.api.project.update({
      projectId: id,
      expectedUpdatedAt: kept.updatedAt,
      method: "MEDIAN",
    });
    expect(second.changed).toEqual(["method"]);
    // A change of options alone is a change of the decision too.
    const third = await admin.api.project.update({
      projectId: id,
      expectedUpdatedAt: second.updatedAt,
      options: [
        { key: "kafka", name: "Kafka" },
        { key: "nats", name: "NATS" },
      ],
    });
    expect(third.changed).toEqual(["options"]);
    expect(
      (
        await trpcError(
          owner.api.project.update({
            projectId: id,
            expectedUpdatedAt: second.updatedAt,
            title: "X",
          }),
        )
      ).code,
    ).toBe("CONFLICT");
    // Without an expected version, a caller's fields replace the current ones, as before.
    await owner.api.project.update({ projectId: id, title: "Billing queue" });
    expect(await owner.api.project.get({ projectId: id })).toMatchObject({
      title: "Billing queue",
      method: "MEDIAN",
    });
  });

  it("lets only admins and the creator edit a draft, and never a viewer", async () => {
    const { team, owner, people } = await teamWith(t, ["MEMBER", "VIEWER"]);
    const member = at(people, 1);
    const viewer = at(people, 2);
    const { id } = await owner.api.project.create(blankInput(team.id));
    expect(
      (await trpcError(member.api.project.update({ projectId: id, title: "Mine" }))).code,
    ).toBe("FORBIDDEN");
    expect(
      (await trpcError(viewer.api.project.update({ projectId: id, title: "Mine" }))).code,
    ).toBe("FORBIDDEN");
    expect((await owner.api.project.get({ projectId: id })).title).toBe(
      "Which queue for billing events?",
    );
    expect(
      await t.db.projectEvent.count({ where: { projectId: id, type: "project.edited" } }),
    ).toBe(0);
  });

  it("refuses to close a decision whose voting is not open, saying what happened and what to do instead", async () => {
    const { owner, team } = await teamWith(t, ["MEMBER"]);
    const closeRefusal = async (projectId: string) => {
      const refused = await trpcError(owner.api.project.close({ projectId }));
      expect(refused.code).toBe("CONFLICT");
      return refused.message;
    };
    const { id: draft } = await owner.api.project.create(blankInput(team.id));
    expect(await closeRefusal(draft)).toBe(
      "Voting on this decision has not opened, so there is nothing to close. Open it for voting first.",
    );

    const { id: closed } = await owner.api.project.create(blankInput(team.id));
    await owner.api.project.open({ projectId: closed });
    await owner.api.project.close({ projectId: closed });
    expect(await closeRefusal(closed)).toBe(
      "Voting on this decision is already closed: nothing to close. Record the outcome on its record page.",
    );

    await owner.api.record.decide({
      projectId: closed,
      chosenOptionKey: "sqs",
      rationale: "it is managed.",
      consequences: { good: [], neutral: [], bad: [] },
      decisionMakers: [{ userId: owner.id }],
      confirmProvisional: true,
    });
    expect(await closeRefusal(closed)).toBe(
      "This decision is already decided: nothing to close. Change its record with a new revision, or supersede it with a new decision.",
    );

    await owner.api.project.archive({ projectId: closed });
    expect(await closeRefusal(closed)).toBe("This decision is archived: nothing to close.");
  });

  it("lets only admins and the creator open, close, reopen and archive", async () => {
    const { team, people } = await teamWith(t, ["ADMIN", "MEMBER", "MEMBER"]);
    const admin = at(people, 1);
    const creator = at(people, 2);
    const other = at(people, 3);
    const { id } = await creator.api.project.create(blankInput(team.id));

    const refused = await trpcError(other.api.project.open({ projectId: id }));
    expect(refused.code).toBe("FORBIDDEN");
    expect((await t.db.project.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");

    await creator.api.project.open({ projectId: id });
    expect((await trpcError(other.api.project.close({ projectId: id }))).code).toBe("FORBIDDEN");
    await admin.api.project.close({ projectId: id });
    await creator.api.project.reopen({ projectId: id });
    await admin.api.project.close({ projectId: id });
    await admin.api.project.archive({ projectId: id });

    const again = await trpcError(admin.api.project.open({ projectId: id }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toMatch(/archived/);

    const events = await t.db.projectEvent.findMany({
      where: { projectId: id, type: { in: ["status.changed", "round.reopened"] } },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ["status.changed", { from: "DRAFT", to: "OPEN" }],
      ["status.changed", { from: "OPEN", to: "DECIDED" }],
      ["status.changed", { from: "DECIDED", to: "OPEN" }],
      ["round.reopened", { round: 2, previousRound: 1 }],
      ["status.changed", { from: "OPEN", to: "DECIDED" }],
      ["status.changed", { from: "DECIDED", to: "ARCHIVED" }],
    ]);
  });

  it("reopening freezes the closed round's votes and result and shows them beside the new one", async () => {
    const { team, owner, people } = await teamWith(t, ["MEMBER"]);
    const member = at(people, 1);
    const { id } = await owner.api.project.create(blankInput(team.id));
    await owner.api.project.open({ projectId: id });
    await member.api.vote.cast({
      projectId: id,
      criterionKey: "ops",
      weight: 5,
      scores: { kafka: 1, sqs: 5 },
    });
    await owner.api.project.close({ projectId: id });
    const closed = await owner.api.project.recommendation({ projectId: id });
    expect(closed.result?.winner).toBe("sqs");

    const reopened = await owner.api.project.reopen({ projectId: id });
    expect(reopened).toMatchObject({ status: "OPEN", round: 2 });
    const frozen = await t.db.projectRound.findUniqueOrThrow({
      where: { projectId_round: { projectId: id, round: 1 } },
    });
    expect(frozen.votes).toHaveLength(1);
    expect((frozen.result as { winner: string }).winner).toBe("sqs");

    // The member changes their mind in round 2; round 1 stays as it was.
    await member.api.vote.cast({
      projectId: id,
      criterionKey: "ops",
      weight: 5,
      scores: { kafka: 5, sqs: 1 },
    });
    const now = await owner.api.project.recommendation({ projectId: id });
    expect(now.result?.winner).toBe("kafka");
    expect(now.previousRound).toMatchObject({ round: 1, winner: "sqs" });
  });

  it("saves a project's options and criteria as a team template that new projects can start from", async () => {
    const { team, owner } = await teamWith(t);
    const { id } = await owner.api.project.create(blankInput(team.id));
    await owner.api.project.saveAsTemplate({ projectId: id, name: "Queue choice" });
    const { builtIn, team: saved } = await owner.api.project.templates({ teamId: team.id });
    expect(builtIn.map((b) => b.key)).toContain("drf-vs-fastapi");
    expect(builtIn[0]?.contextQuestions.length).toBeGreaterThan(0);
    expect(saved).toHaveLength(1);
    expect(saved[0]?.criteria.map((c) => c.key)).toEqual(["ops", "ordering"]);
    expect(saved[0]?.criteria[1]?.mustHave).toBe(true);

    const other = await teamWith(t);
    const { team: theirs } = await other.owner.api.project.templates({ teamId: other.team.id });
    expect(theirs).toEqual([]);
  });

  it("saves a template once however often it is submitted, and keeps names distinct", async () => {
    const { team, owner } = await teamWith(t);
    const { id } = await owner.api.project.create(blankInput(team.id));
    const saves = await Promise.all(
      [1, 2, 3].map(() => owner.api.project.saveAsTemplate({ projectId: id, name: "Queues" })),
    );
    expect(new Set(saves.map((s) => s.id)).size).toBe(1);
    expect((await owner.api.project.templates({ teamId: team.id })).team).toHaveLength(1);

    const { id: another } = await owner.api.project.create(
      blankInput(team.id, {
        title: "Which cache?",
        criteria: [{ key: "speed", name: "Speed", defaultWeight: 3 }],
      }),
    );
    const taken = await trpcError(
      owner.api.project.saveAsTemplate({ projectId: another, name: "queues" }),
    );
    expect(taken.code).toBe("CONFLICT");
    expect(taken.message).toMatch(/already has a template called “Queues”/);
    expect((await owner.api.project.templates({ teamId: team.id })).team).toHaveLength(1);
  });

  it(`allows ${TEAM_TEMPLATE_LIMIT} templates per team, then says to delete some`, async () => {
    const { team, owner } = await teamWith(t);
    const { id } = await owner.api.project.create(blankInput(team.id));
    await t.db.teamTemplate.createMany({
      data: Array.from({ length: TEAM_TEMPLATE_LIMIT }, (_, i) => ({
        teamId: team.id,
        name: `Template ${i}`,
        options: [],
        criteria: [],
      })),
    });
    const full = await trpcError(
      owner.api.project.saveAsTemplate({ projectId: id, name: "One more" }),
    );
    expect(full.code).toBe("PRECONDITION_FAILED");
    expect(full.message).toBe(
      `The team already has ${TEAM_TEMPLATE_LIMIT} templates, the most it can have. Delete templates you no longer use, then save this one.`,
    );
    expect(await t.db.teamTemplate.count({ where: { teamId: team.id } })).toBe(TEAM_TEMPLATE_LIMIT);
  });

  it("template.delete: the author or an admin deletes a team template, another member may not, built-ins never", async () => {
    const { team, owner, people } = await teamWith(t, ["MEMBER", "MEMBER"]);
    const author = at(people, 1);
    const bystander = at(people, 2);
    const { id } = await author.api.project.create(blankInput(team.id));
    const mine = await author.api.project.saveAsTemplate({ projectId: id, name: "Mine" });
    const second = await author.api.project.saveAsTemplate({ projectId: id, name: "Second" });

    // The list says who may delete each template.
    const deletable = async (member: { api: typeof owner.api }) =>
      (await member.api.project.templates({ teamId: team.id })).team.map((x) => x.deletable);
    expect(await deletable(author)).toEqual([true, true]);
    expect(await deletable(bystander)).toEqual([false, false]);
    expect(await deletable(owner)).toEqual([true, true]);
    const refused = await trpcError(
      bystander.api.template.delete({ teamId: team.id, templateId: mine.id }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toBe(
      "Only the template's author, or an admin or owner of the team, can delete it.",
    );
    const builtIn = await trpcError(
      owner.api.template.delete({ teamId: team.id, templateId: "drf-vs-fastapi" }),
    );
    expect(builtIn.code).toBe("BAD_REQUEST");
    expect(builtIn.message).toMatch(
      /^Built-in templates are part of Tradeoff and cannot be deleted/,
    );

    expect(await author.api.template.delete({ teamId: team.id, templateId: mine.id })).toEqual({
      id: mine.id,
    });
    await owner.api.template.delete({ teamId: team.id, templateId: second.id });
    const listed = await owner.api.project.templates({ teamId: team.id });
    expect(listed.team).toEqual([]);
    expect(listed.builtIn.map((b) => b.key)).toContain("drf-vs-fastapi");
    const gone = await trpcError(
      owner.api.template.delete({ teamId: team.id, templateId: mine.id }),
    );
    expect(gone.code).toBe("NOT_FOUND");
  });

  it("answers NOT_FOUND for another team's project", async () => {
    const mine = await teamWith(t);
    const theirs = await teamWith(t);
    const { id } = await theirs.owner.api.project.create(blankInput(theirs.team.id));
    for (const call of [
      () => mine.owner.api.project.get({ projectId: id }),
      () => mine.owner.api.project.recommendation({ projectId: id }),
      () => mine.owner.api.project.open({ projectId: id }),
    ]) {
      expect((await trpcError(call())).code).toBe("NOT_FOUND");
    }
  });
  /**
   * An admin's close of a decision, refused: the decision is busy (votes being counted) while they
   * close it, and `change` is made to their membership meanwhile. Resolves to the refusal and
   * the decision's status after it.
   */
  async function closeRefusedAfter(
    change: (
      owner: Awaited<ReturnType<typeof teamWith>>["owner"],
      teamId: string,
      adminId: string,
    ) => Promise<unknown>,
  ) {
    const { team, owner, people } = await teamWith(t, ["ADMIN"]);
    const admin = at(people, 1);
    const projectId = await openProject(owner, blankInput(team.id));
    const busy = await holdRowLock(t.db, "projects", projectId);
    const close = trpcError(admin.api.project.close({ projectId }));
    await busy.waiting(1);
    await change(owner, team.id, admin.id);
    await busy.release();
    const refused = await close;
    return { refused, status: (await owner.api.project.get({ projectId })).status };
  }

  itWithLocks(
    "refuses a close by an admin demoted while the close waited for the decision",
    async () => {
      const { refused, status } = await closeRefusedAfter((owner, teamId, userId) =>
        owner.api.member.changeRole({ teamId, userId, role: "MEMBER" }),
      );
      expect(refused.code).toBe("FORBIDDEN");
      expect(refused.message).toMatch(/Only a team admin or the person who created this decision/);
      expect(status).toBe("OPEN");
    },
  );

  itWithLocks(
    "refuses a close by an admin removed while the close waited, as it refuses anyone outside the team",
    async () => {
      const { refused, status } = await closeRefusedAfter((owner, teamId, userId) =>
        owner.api.member.remove({ teamId, userId }),
      );
      expect(refused.code).toBe("NOT_FOUND");
      expect(refused.message).toBe("Decision project was not found.");
      expect(status).toBe("OPEN");
    },
  );
});

describe("finding a decision in the project list", () => {
  it("matches every word in the title or the problem statement, in any case, within one status", async () => {
    const { team, owner, people } = await teamWith(t, ["VIEWER"]);
    const queue = await owner.api.project.create(blankInput(team.id));
    const framework = await owner.api.project.create(
      blankInput(team.id, {
        title: "Web framework for the billing API",
        context: "Django REST Framework or FastAPI: which one do we build on?",
      }),
    );
    await owner.api.project.create(
      blankInput(team.id, { title: "Logging stack", context: "Loki or Elasticsearch." }),
    );
    await t.db.project.update({ where: { id: framework.id }, data: { status: "OPEN" } });
    // Another team's decision with the same words stays out of every result.
    const other = await teamWith(t);
    await other.owner.api.project.create(
      blankInput(other.team.id, { title: "Billing framework", context: "FastAPI" }),
    );
    const viewer = at(people, 1).api;
    const ids = async (input: { q?: string; status?: "OPEN" | "DRAFT" }) =>
      (await viewer.project.list({ teamId: team.id, ...input })).items.map((p) => p.id);

    expect(await ids({ q: "billing" })).toEqual([framework.id, queue.id]);
    // Words from the problem statement, in another case, in any order.
    expect(await ids({ q: "  fastapi   DJANGO " })).toEqual([framework.id]);
    expect(await ids({ q: "billing", status: "DRAFT" })).toEqual([queue.id]);
    expect(await ids({ status: "OPEN" })).toEqual([framework.id]);
    expect(await ids({ q: "billing kubernetes" })).toEqual([]);
    // Blank text finds everything; LIKE wildcards are plain characters.
    expect(await ids({ q: "   " })).toHaveLength(3);
    expect(await ids({ q: "%" })).toEqual([]);
    expect(await ids({ q: "_" })).toEqual([]);
    expect(await ids({ q: "billing_" })).toEqual([]);
  });

  it("refuses an over-long search or an unknown status with a sentence, and another team's list", async () => {
    const { team, owner, people } = await teamWith(t, ["VIEWER"]);
    await owner.api.project.create(blankInput(team.id));
    const tooLong = await trpcError(
      owner.api.project.list({ teamId: team.id, q: "x".repeat(201) }),
    );
    expect(tooLong.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(tooLong.cause)).toMatch(/200 characters or fewer/);
    const badStatus = await trpcError(
      owner.api.project.list({ teamId: team.id, status: "LOST" as "OPEN" }),
    );
    expect(badStatus.code).toBe("BAD_REQUEST");
    // A viewer of the team may search it; an outsider learns nothing about it.
    expect(
      (await at(people, 1).api.project.list({ teamId: team.id, q: "queue" })).items,
    ).toHaveLength(1);
    const outsider = await teamWith(t);
    const refused = await trpcError(
      outsider.owner.api.project.list({ teamId: team.id, q: "queue" }),
    );
    expect(refused.code).toBe("NOT_FOUND");
  });
});
