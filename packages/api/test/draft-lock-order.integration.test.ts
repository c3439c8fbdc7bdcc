import { TRPCError } from "@trpc/server";
import { describe, expect } from "vitest";
import { DomainError } from "../src/errors";
import { storeDraftText } from "../src/services/draft/store-draft-text";
import { useTestDatabase } from "./helpers";
import { castVote, openDraftTeamProject } from "./project-fixtures";
import { holdRowLock, itWithLocks } from "./row-lock";

/**
 * Every change to a record draft takes its locks in one order: the team's row, the decision's
 * row, then the draft's row. An acceptance or a discard holds the decision and then waits for
 * the draft; a change that held the draft and then waited for the decision (to number its
 * history entry) would wait on it in turn, and PostgreSQL would abort one of them (40P01, a
 * deadlock), which its user would meet as a server error.
 *
 * The decision's row is held from a transaction of its own while the acceptance (or discard) is
 * sent, then the other change: both queue behind it, and go on together once it is released.
 */
const t = useTestDatabase();

async function approvedDraft() {
  const s = await openDraftTeamProject(t);
  for (const person of [s.admin, s.member]) {
    for (const criterionKey of ["ops", "ordering"]) {
      await castVote(person, s.projectId, criterionKey, {
        weight: 4,
        scores: { kafka: 2, sqs: 5 },
        rationale: null,
      });
    }
  }
  const { draftId } = await s.member.api.draft.start({ projectId: s.projectId });
  await s.member.api.draft.updateFields({
    projectId: s.projectId,
    decisionMakers: [{ userId: s.owner.id, name: "" }],
  });
  const { draft } = await s.member.api.draft.get({ projectId: s.projectId });
  await storeDraftText(t.db, draftId, {
    ...draft?.text,
    rationale: "It is managed.",
    confirmation: "The lag stays under a minute.",
  });
  await s.owner.api.draft.review({ projectId: s.projectId, verdict: "APPROVED" });
  return { ...s, draftId };
}

type Setup = Awaited<ReturnType<typeof approvedDraft>>;

/** What a request ended with: done, refused with a reason (a DomainError), or failed. */
async function outcome(request: Promise<unknown>) {
  try {
    await request;
    return { done: true as const };
  } catch (error) {
    const cause = error instanceof TRPCError ? error.cause : error;
    if (cause instanceof DomainError) return { refused: cause.kind };
    const text = [error, cause]
      .map((e) => `${String(e)} ${JSON.stringify(e, Object.getOwnPropertyNames(e ?? {}))}`)
      .join(" ");
    return { failed: /40P01|deadlock/i.test(text) ? "deadlock" : text.slice(0, 500) };
  }
}

const spike = [{ label: "Spike", url: "https://example.com/spike" }];

/** Changes that lock the draft: each, sent while an acceptance waits for the decision. */
const changes: [string, (s: Setup) => Promise<unknown>][] = [
  [
    "a field change",
    (s) => s.member.api.draft.updateFields({ projectId: s.projectId, links: spike }),
  ],
  [
    "a review",
    (s) =>
      s.owner.api.draft.review({
        projectId: s.projectId,
        verdict: "CHANGES_REQUESTED",
        comment: "Name the fallback.",
      }),
  ],
  [
    "a comment",
    (s) =>
      s.viewer.api.draft.comment({ projectId: s.projectId, body: "Looks right.", quote: null }),
  ],
  [
    "a store of the text (the editors' Markdown)",
    (s) => storeDraftText(t.db, s.draftId, { rationale: "It is managed, and cheap." }),
  ],
];

const closes: [string, (s: Setup) => Promise<unknown>][] = [
  ["an acceptance", (s) => s.member.api.draft.accept({ projectId: s.projectId })],
  ["a discard", (s) => s.owner.api.draft.discard({ projectId: s.projectId })],
];

describe("a draft change at the same time as its acceptance or discard", () => {
  for (const [closing, close] of closes) {
    for (const [what, change] of changes) {
      itWithLocks(`${what} and ${closing} both end, without a deadlock`, async () => {
        const s = await approvedDraft();
        const busy = await holdRowLock(t.db, "projects", s.projectId);
        const closed = outcome(close(s));
        await busy.waiting(1);
        const changed = outcome(change(s));
        await busy.waiting(2);
        await busy.release();
        const results = { closed: await closed, changed: await changed };
        expect(Object.values(results).filter((r) => "failed" in r)).toEqual([]);
        expect(Object.values(results).some((r) => "done" in r)).toBe(true);
        // What the two left is consistent: a draft that was accepted has its record.
        const { status } = await t.db.recordDraft.findUniqueOrThrow({
          where: { projectId: s.projectId },
          select: { status: true },
        });
        const records = await t.db.decisionRecord.count({ where: { projectId: s.projectId } });
        expect(records).toBe(status === "ACCEPTED" ? 1 : 0);
      });
    }
  }
});
