import { aggregate } from "@tradeoff/scoring";
import type { LinkedProject, RecordView } from "../../src/services/record/record-view";

/**
 * A fixed decided record (DRF vs FastAPI, three voters) for the golden files: every number
 * comes from the scoring package, every date is fixed, so the files only change when a
 * format does.
 */
type Vote = Omit<NonNullable<RecordView["votes"]>[number], "noOpinion"> & {
  noOpinion?: boolean;
};

/** What a record shows of each criterion's result, in the record's order. */
const SHOWN_CRITERION_FIELDS = [
  "key",
  "importance",
  "meanImportance",
  "voters",
  "weight",
  "counted",
  "missingOptions",
  "scores",
  "contributions",
  "flipAt",
  "tiesAt",
  "disagreement",
] as const;

function pick<T, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Pick<T, K>;
}

export function goldenView(overrides: Partial<RecordView> = {}): RecordView {
  const options = [
    { key: "drf", name: "Django REST Framework", description: "Batteries included." },
    { key: "fastapi", name: "FastAPI", description: "Type hints first, async." },
  ];
  const criteria = [
    { key: "typing", name: "Type safety", description: "", defaultWeight: 3, mustHave: false },
    { key: "admin", name: "Admin interface", description: "", defaultWeight: 2, mustHave: false },
    { key: "async", name: "Async | real time", description: "", defaultWeight: 3, mustHave: true },
    // Nobody scored it: it must read "not scored", never as a number.
    { key: "hosting", name: "Hosting cost", description: "", defaultWeight: 2, mustHave: false },
  ].map((c) => ({ ...c, guidance: {}, anchorLow: null, anchorHigh: null }));
  const votes = (
    [
      {
        memberId: "u1",
        member: "Ada",
        criterionKey: "typing",
        weight: 4,
        scores: { drf: 2, fastapi: 5 },
        rationale: "Pydantic models catch mistakes before review.",
      },
      {
        memberId: "u2",
        member: "Grace",
        criterionKey: "typing",
        weight: 3,
        scores: { drf: 3, fastapi: 4 },
        rationale: null,
      },
      {
        memberId: "u1",
        member: "Ada",
        criterionKey: "admin",
        weight: 2,
        scores: { drf: 5, fastapi: 1 },
        rationale: "The Django admin saves us a back office, for now.",
      },
      {
        memberId: "u3",
        member: "Linus",
        criterionKey: "async",
        weight: 5,
        scores: { drf: 2, fastapi: 5 },
        rationale: null,
      },
      {
        memberId: "u2",
        member: "Grace",
        criterionKey: "admin",
        weight: null,
        scores: {},
        noOpinion: true,
        rationale: "I have never used either admin.",
      },
    ] as Omit<Vote, "updatedAt">[]
  ).map((v) => ({ ...v, noOpinion: v.noOpinion ?? false, updatedAt: "2026-11-20T10:00:00.000Z" }));
  const rec = aggregate(
    {
      options,
      criteria,
      votes: votes.map(({ memberId, criterionKey, weight, scores, noOpinion }) => ({
        voterId: memberId,
        criterionKey,
        weight,
        scores,
        noOpinion,
      })),
      members: ["u1", "u2", "u3", "u4"],
      quorum: 3,
    },
    {},
  );
  return {
    team: { id: "team1", name: "Billing", slug: "billing" },
    project: {
      id: "p1",
      number: 7,
      title: "Which API framework for the billing service? (v2/ÉTÉ)",
      context: "Billing needs a **new** HTTP API.\n\nWe compare two Python frameworks.",
      status: "DECIDED",
      votingMode: "OPEN",
      method: "weighted-mean",
      round: 1,
      templateKey: "drf-vs-fastapi",
      tags: [],
      createdAt: "2026-11-01T09:00:00.000Z",
      openedAt: "2026-11-02T09:00:00.000Z",
      closedAt: "2026-11-21T09:00:00.000Z",
    },
    url: "https://tradeoff.example.com/t/billing/p/p1",
    options,
    criteria,
    result: {
      totals: rec.totals,
      winner: rec.winner,
      margin: rec.margin,
      confidence: rec.confidence,
      confidenceVoters: rec.confidenceVoters,
      criteria: rec.criteria.map((c) => pick(c, SHOWN_CRITERION_FIELDS)),
    },
    coverage: rec.coverage,
    // Recorded: its participation is the one kept with the decision.
    participation: { ...rec.participation, basis: "decision" },
    unreadableVotes: 0,
    status: rec.status,
    votes,
    decision: {
      chosenOptionKey: "fastapi",
      recommendedKey: rec.winner,
      justification: null,
      rationale:
        "it fits our typed, async services and the team scored it higher on what matters most.",
      consequences: {
        good: ["Request and response models are checked at the edge."],
        neutral: ["We keep Django for the back office."],
        bad: ["No built-in admin: we build the few screens we need."],
      },
      decisionMakers: [{ userId: "u1", name: "Ada" }, { name: "CTO Office" }],
      consulted: [{ name: "Grace" }],
      informed: [],
      confirmation: "The first endpoint ships with contract tests in CI.",
      links: [{ label: "Spike notes", url: "https://wiki.example.com/spike" }],
      reviewDate: "2027-05-01T00:00:00.000Z",
      revision: 2,
      decidedAt: "2026-11-21T09:00:00.000Z",
      decidedBy: "Ada",
      revisedBy: { name: "Grace", at: "2026-11-25T10:00:00.000Z" },
      coverage: {
        counted: rec.coverage.counted,
        total: rec.coverage.total,
        weightShare: rec.coverage.weightShare,
        complete: rec.participation.complete,
        voted: rec.participation.complete + rec.participation.partial,
        eligible: rec.participation.eligible,
        status: rec.status,
      },
    },
    supersedes: [{ id: "p0", number: 3, title: "Flask for billing", status: "SUPERSEDED" }],
    supersededBy: [],
    source: null,
    draft: false,
    generatedAt: "2026-11-28T12:00:00.000Z",
    ...overrides,
  };
}

/** A project a record links to (one it supersedes, or one that supersedes it). */
export const linkedProject = (number: number, title: string, status: string): LinkedProject => ({
  id: `p${number}`,
  number,
  title,
  status,
});

/**
 * The golden record as the record of `p` (its id, number, title and status), linked to nothing
 * unless `extra` says so.
 */
export function linkedRecord(
  p: LinkedProject,
  extra: Partial<RecordView> = {},
  tags: string[] = [],
): RecordView {
  const base = goldenView();
  return {
    ...base,
    project: {
      ...base.project,
      id: p.id,
      number: p.number,
      title: p.title,
      status: p.status as never,
      tags,
    },
    supersedes: [],
    supersededBy: [],
    ...extra,
  };
}
