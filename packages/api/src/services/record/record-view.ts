import type { Prisma, PrismaClient } from "@tradeoff/db";
import type {
  CriterionResult,
  OptionTotal,
  Participation,
  RecommendationStatus,
  ShownCoverage,
} from "@tradeoff/scoring";
import { notFound } from "../../errors";
import { findTeamProject } from "../project/find-team-project";
import { shownCoverage } from "../project/get-recommendation";
import {
  type LoadedDecision,
  loadDecision,
  loadDecisions,
  type VotersFrom,
} from "../project/load-decision";
import { type RecordSource, readRecordSource } from "./record-source";
import {
  type RecordCoverage,
  readRecordCoverage,
  readRecordFields,
  type StoredRecordFields,
} from "./stored-fields";
import { aggregateOrUnscored } from "./unscored";

/** A project linked by supersession, as records name it. */
export type LinkedProject = { id: string; number: number; title: string; status: string };

/**
 * Everything an export or the record page shows, as plain data (dates as ISO strings). Every
 * export format is a pure function of this, so the formats never disagree.
 */
export type RecordView = {
  team: { id: string; name: string; slug: string };
  project: {
    id: string;
    number: number;
    title: string;
    context: string;
    status: "DRAFT" | "OPEN" | "DECIDED" | "SUPERSEDED" | "ARCHIVED";
    votingMode: "OPEN" | "BLIND";
    method: string;
    round: number;
    templateKey: string | null;
    /** Lower-case labels, in the order they were given. */
    tags: string[];
    createdAt: string;
    openedAt: string | null;
    closedAt: string | null;
  };
  /** Link back to the project page, when the app's address is known. */
  url: string | null;
  options: { key: string; name: string; description: string }[];
  criteria: {
    key: string;
    name: string;
    description: string;
    defaultWeight: number;
    mustHave: boolean;
    guidance: unknown;
    anchorLow: string | null;
    anchorHigh: string | null;
  }[];
  /** The team's result; null while a blind project is open (nothing may be revealed). */
  result: {
    totals: OptionTotal[];
    winner: string | null;
    margin: number;
    confidence: number | null;
    /** How many voters the confidence resamples (it is null below two). */
    confidenceVoters: number;
    criteria: Pick<
      CriterionResult,
      | "key"
      | "importance"
      | "meanImportance"
      | "voters"
      | "weight"
      | "counted"
      | "missingOptions"
      | "scores"
      | "contributions"
      | "flipAt"
      | "tiesAt"
      | "disagreement"
    >[];
  } | null;
  /**
   * What the result rests on: counted criteria and their share of the weight (the share is null
   * while a blind project is open, as it follows the members' importances).
   */
  coverage: ShownCoverage;
  /**
   * Who took part, and of whom. A recorded decision's rests on the voting members when it was
   * decided (`basis: "decision"`, the coverage kept with the record): people who joined or left
   * the team since do not change it. A project imported from a JSON export rests on the file's
   * voters and members (`"import"`). Otherwise on the voting members now (`"current"`).
   */
  participation: Participation & { basis: VotersFrom };
  /** Stored votes the result leaves out because their scores cannot be read (written around the app). */
  unreadableVotes: number;
  /** "ready" once the quorum of complete ballots is met and every criterion is counted. */
  status: RecommendationStatus;
  /** Individual votes; null when they must stay hidden (blind and open, or a share link without them). */
  votes:
    | {
        memberId: string;
        member: string;
        criterionKey: string;
        weight: number | null;
        scores: Record<string, number | null>;
        /** An explicit "no opinion" on the criterion. */
        noOpinion: boolean;
        rationale: string | null;
        updatedAt: string;
      }[]
    | null;
  decision:
    | (StoredRecordFields & {
        revision: number;
        decidedAt: string;
        decidedBy: string | null;
        recommendedKey: string | null;
        /** What the decision rested on when recorded; null for records made before it was kept. */
        coverage: RecordCoverage | null;
        /** A record accepted from a shared draft: its "more information" text, as Markdown. */
        moreInformation?: string | null;
        /**
         * Accepted from a shared draft: the rationale, consequences and confirmation are the
         * draft's Markdown, which the record page renders and the exports print as the text it
         * shows (`shownRecordText`).
         */
        fromDraft?: boolean;
        /**
         * The named decision-makers' approvals of the accepted draft's text, oldest first, with
         * the revision of the record they were given for (the first: a draft's text becomes
         * revision 1; none for an imported file's approvals, which do not say).
         */
        approvals?: { name: string; at: string; revision?: number }[];
        /** Who wrote the latest revision, and when, once the record was revised (revision > 1). */
        revisedBy?: { name: string | null; at: string } | null;
        /** Why an owner or admin accepted the draft without the approvals its rule asks for. */
        overrideReason?: string | null;
        /** A record imported from a JSON export: who imported it here, and when. */
        imported?: { by: string; at: string } | null;
      })
    | null;
  supersedes: LinkedProject[];
  supersededBy: LinkedProject[];
  /** The file an imported record came from (docs/decisions import); null for records made here. */
  source: RecordSource | null;
  /** True until a decision is recorded: exports are then marked as drafts. */
  draft: boolean;
  generatedAt: string;
};

const linkSelect = { id: true, number: true, title: true, status: true } as const;

/**
 * Reads a project's record view. Tenancy: the project must belong to `teamId`. Votes are left
 * out while a blind project is open, and when `includeVotes` is false (share links).
 */
export async function loadRecordView(
  db: PrismaClient,
  scope: { teamId: string; projectId: string },
  opts: { includeVotes?: boolean; appUrl?: string | null; now?: Date } = {},
): Promise<RecordView> {
  const extra = await findTeamProject(
    db,
    { teamId: scope.teamId, projectId: scope.projectId },
    viewSelect,
  );
  const loaded = await loadDecision(db, scope.projectId);
  const imported = await readJsonImport(db, scope.projectId);
  return buildRecordView(extra, loaded, imported, opts);
}

/**
 * The record views of many of the team's projects (the records folder), in the order of
 * `projectIds`, in a fixed number of queries per chunk of projects rather than several per
 * project. Each view is the one loadRecordView reads; a project not found is an error.
 */
export async function loadRecordViews(
  db: PrismaClient,
  scope: { teamId: string; projectIds: readonly string[] },
  opts: { includeVotes?: boolean; appUrl?: string | null; now?: Date } = {},
): Promise<RecordView[]> {
  const views: RecordView[] = [];
  for (let i = 0; i < scope.projectIds.length; i += VIEW_CHUNK) {
    const ids = scope.projectIds.slice(i, i + VIEW_CHUNK);
    const [extras, decisions, imports] = await Promise.all([
      db.project.findMany({
        where: { id: { in: ids }, teamId: scope.teamId },
        select: { id: true, ...viewSelect },
      }),
      loadDecisions(db, ids),
      readJsonImports(db, ids),
    ]);
    const extraOf = new Map(extras.map((e) => [e.id, e]));
    for (const id of ids) {
      const extra = extraOf.get(id);
      const loaded = decisions.get(id);
      if (!extra || !loaded) throw notFound("Decision project");
      views.push(buildRecordView(extra, loaded, imports.get(id) ?? null, opts));
    }
  }
  return views;
}

/**
 * Projects read together by loadRecordViews: their votes are held in memory at once, so a team
 * with thousands of records is read a few hundred at a time.
 */
const VIEW_CHUNK = 200;

const viewSelect = {
  number: true,
  context: true,
  templateKey: true,
  tags: true,
  createdAt: true,
  openedAt: true,
  closedAt: true,
  team: { select: { id: true, name: true, slug: true } },
  record: {
    select: {
      chosenOptionKey: true,
      recommendedKey: true,
      justification: true,
      rationale: true,
      consequences: true,
      decisionMakers: true,
      consulted: true,
      informed: true,
      confirmation: true,
      links: true,
      reviewDate: true,
      revision: true,
      coverage: true,
      context: true,
      moreInformation: true,
      source: true,
      decidedAt: true,
      decidedBy: { select: { name: true, email: true } },
      revisions: {
        where: { revision: { gt: 1 } },
        orderBy: { revision: "desc" },
        take: 1,
        select: { createdAt: true, author: { select: { name: true, email: true } } },
      },
    },
  },
  recordDraft: {
    select: {
      status: true,
      textVersion: true,
      overrideReason: true,
      reviews: {
        where: { verdict: "APPROVED" },
        select: {
          textVersion: true,
          createdAt: true,
          user: { select: { name: true, email: true } },
        },
        orderBy: { createdAt: "asc" },
      },
    },
  },
  supersedes: {
    select: { predecessor: { select: linkSelect } },
    orderBy: { createdAt: "asc" },
  },
  supersededBy: {
    select: { successor: { select: linkSelect } },
    orderBy: { createdAt: "asc" },
  },
} as const satisfies Prisma.ProjectSelect;

type ViewExtra = Prisma.ProjectGetPayload<{ select: typeof viewSelect }>;

function buildRecordView(
  extra: ViewExtra,
  loaded: LoadedDecision,
  imported: JsonImport | null,
  opts: { includeVotes?: boolean; appUrl?: string | null; now?: Date },
): RecordView {
  const { project } = loaded;
  const hidden = project.votingMode === "BLIND" && project.status === "OPEN";
  const votes = loaded.votes.map((v) => ({ ...v, updatedAt: v.updatedAt.toISOString() }));
  const rec = aggregateOrUnscored(loaded.decision, { method: loaded.method });
  const nameOf = new Map<string, string>(loaded.members.map((m) => [m.id, m.name]));
  // Exports list votes member by member, each in the project's criterion order.
  const position = new Map(project.criteria.map((c, i) => [c.key, i]));
  const sortedVotes = [...votes].sort(
    (a, b) =>
      (nameOf.get(a.voterId) ?? "").localeCompare(nameOf.get(b.voterId) ?? "") ||
      a.voterId.localeCompare(b.voterId) ||
      (position.get(a.criterionKey) ?? 0) - (position.get(b.criterionKey) ?? 0),
  );
  const record = extra.record;
  // Approvals count once the draft is accepted, and only those of the text as accepted.
  const accepted = extra.recordDraft?.status === "ACCEPTED" ? extra.recordDraft : null;
  const approvals =
    accepted?.reviews
      .filter((r) => r.textVersion === accepted.textVersion)
      .map((r) => ({
        name: r.user.name ?? r.user.email ?? "Member",
        at: r.createdAt.toISOString(),
        revision: 1,
      })) ?? [];
  const latestRevision = record?.revisions[0];

  return {
    team: extra.team,
    project: {
      id: project.id,
      number: extra.number,
      title: project.title,
      // A record written as a shared draft has its own context: the one the team approved.
      context: record?.context ?? extra.context,
      status: project.status,
      votingMode: project.votingMode,
      method: loaded.method,
      round: project.round,
      templateKey: extra.templateKey,
      tags: extra.tags,
      createdAt: extra.createdAt.toISOString(),
      openedAt: extra.openedAt?.toISOString() ?? null,
      closedAt: extra.closedAt?.toISOString() ?? null,
    },
    url: opts.appUrl
      ? `${opts.appUrl.replace(/\/$/, "")}/t/${extra.team.slug}/p/${project.id}`
      : null,
    options: project.options.map(({ key, name, description }) => ({ key, name, description })),
    criteria: project.criteria.map((c) => ({
      key: c.key,
      name: c.name,
      description: c.description,
      defaultWeight: c.defaultWeight,
      mustHave: c.mustHave,
      guidance: c.guidance,
      anchorLow: c.anchorLow,
      anchorHigh: c.anchorHigh,
    })),
    result: hidden
      ? null
      : {
          totals: rec.totals,
          winner: rec.winner,
          margin: rec.margin,
          confidence: rec.confidence,
          confidenceVoters: rec.confidenceVoters,
          criteria: rec.criteria.map((c) => ({
            key: c.key,
            importance: c.importance,
            meanImportance: c.meanImportance,
            voters: c.voters,
            weight: c.weight,
            counted: c.counted,
            missingOptions: c.missingOptions,
            scores: c.scores,
            contributions: c.contributions,
            flipAt: c.flipAt,
            tiesAt: c.tiesAt,
            disagreement: c.disagreement,
          })),
        },
    coverage: shownCoverage(rec.coverage, hidden),
    participation: participationOf(
      rec.participation,
      record ? readRecordCoverage(record.coverage) : null,
      loaded.votersFrom,
      project.quorum,
    ),
    unreadableVotes: loaded.unreadableVotes,
    status: rec.status,
    votes:
      hidden || opts.includeVotes === false
        ? null
        : sortedVotes.map((v) => ({
            memberId: v.voterId,
            member: nameOf.get(v.voterId) ?? "Former member",
            criterionKey: v.criterionKey,
            weight: v.weight,
            scores: v.scores,
            noOpinion: v.noOpinion === true,
            rationale: v.rationale,
            updatedAt: v.updatedAt,
          })),
    decision: record
      ? {
          ...readRecordFields(record),
          revision: record.revision,
          decidedAt: record.decidedAt.toISOString(),
          decidedBy: imported
            ? imported.decidedBy
            : (record.decidedBy?.name ?? record.decidedBy?.email ?? null),
          recommendedKey: record.recommendedKey,
          coverage: readRecordCoverage(record.coverage),
          moreInformation: record.moreInformation,
          fromDraft: !imported && accepted !== null,
          approvals: imported ? imported.approvals : approvals,
          revisedBy: latestRevision
            ? {
                name: latestRevision.author?.name ?? latestRevision.author?.email ?? null,
                at: latestRevision.createdAt.toISOString(),
              }
            : null,
          overrideReason: imported ? imported.overrideReason : (accepted?.overrideReason ?? null),
          imported: imported ? { by: imported.by, at: imported.at } : null,
        }
      : null,
    supersedes: extra.supersedes.map((s) => s.predecessor),
    supersededBy: extra.supersededBy.map((s) => s.successor),
    source: readRecordSource(record?.source),
    draft: !record,
    generatedAt: (opts.now ?? new Date()).toISOString(),
  };
}

/**
 * A recorded decision's participation as it was when decided (from the coverage kept with the
 * record), or, without one, the participation now. The quorum is the project's, which voting's
 * close fixed; one set above the team's size counts every member, and `quorumAsSet` keeps the
 * number that was set so the words can say so.
 */
function participationOf(
  now: Participation,
  decidedWith: RecordCoverage | null,
  votersFrom: VotersFrom,
  quorumAsSet: number | null,
): RecordView["participation"] {
  // The file's word: its coverage when it was decided, or its votes and members.
  const basis = votersFrom === "import" ? "import" : "decision";
  if (!decidedWith)
    return { ...now, quorumAsSet, basis: votersFrom === "import" ? "import" : "current" };
  const { complete, voted, eligible } = decidedWith;
  const quorum = quorumAsSet === null ? null : Math.min(quorumAsSet, eligible);
  return {
    complete,
    partial: voted - complete,
    none: eligible - voted,
    eligible,
    quorum,
    quorumMet: complete >= (quorum ?? eligible),
    quorumAsSet,
    basis,
  };
}

/**
 * What a JSON import kept of the exporting team (its `project.imported` event): who decided and
 * approved there, by name, why it was accepted without its approvals (if it was), and who
 * imported the record, when.
 * Null for a project made here or imported from a records folder.
 */
async function readJsonImport(db: PrismaClient, projectId: string) {
  const event = await db.projectEvent.findFirst({
    where: { projectId, type: "project.imported" },
    select: importEventSelect,
  });
  return event ? readImportEvent(event) : null;
}

/** readJsonImport for many projects, in one query. */
async function readJsonImports(db: PrismaClient, projectIds: string[]) {
  const events = await db.projectEvent.findMany({
    where: { projectId: { in: projectIds }, type: "project.imported" },
    select: { projectId: true, ...importEventSelect },
  });
  const imports = new Map<string, JsonImport | null>();
  for (const event of events)
    if (!imports.has(event.projectId)) imports.set(event.projectId, readImportEvent(event));
  return imports;
}

const importEventSelect = {
  data: true,
  createdAt: true,
  actor: { select: { name: true, email: true } },
} as const satisfies Prisma.ProjectEventSelect;

type JsonImport = NonNullable<ReturnType<typeof readImportEvent>>;

function readImportEvent(
  event: Prisma.ProjectEventGetPayload<{ select: typeof importEventSelect }>,
) {
  const data = (event?.data ?? {}) as {
    from?: unknown;
    decidedBy?: unknown;
    approvals?: unknown;
    overrideReason?: unknown;
  };
  if (data.from !== "json") return null;
  const approvals = Array.isArray(data.approvals)
    ? data.approvals.filter(
        (a): a is { name: string; at: string } =>
          typeof a?.name === "string" && typeof a?.at === "string",
      )
    : [];
  return {
    decidedBy: typeof data.decidedBy === "string" ? data.decidedBy : null,
    approvals: approvals.map(({ name, at }) => ({ name, at })),
    overrideReason:
      typeof data.overrideReason === "string" && data.overrideReason ? data.overrideReason : null,
    by: event.actor?.name ?? event.actor?.email ?? "a former member",
    at: event.createdAt.toISOString(),
  };
}
