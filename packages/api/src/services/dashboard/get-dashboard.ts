import { Prisma, type PrismaClient } from "@tradeoff/db";
import {
  aggregate,
  ballotOf,
  type Coverage,
  type DecisionInput,
  type Participation,
  type RecommendationStatus,
} from "@tradeoff/scoring";
import type { ProjectStatus } from "../project/access";
import { keptVoterRows, METHOD_OF, readScores } from "../project/load-decision";
import { projectRowSelect } from "../project/select";

const RECENT_EVENTS = 15;
/** Projects shown of each status; the rest are reached through the list's status filter. */
export const DASHBOARD_ROWS_PER_STATUS = 10;
/** Decisions waiting for the caller's vote, and deadlines, shown at most. */
export const DASHBOARD_PENDING_SHOWN = 10;
export const DASHBOARD_DEADLINES_SHOWN = 8;

const STATUSES: ProjectStatus[] = ["OPEN", "DRAFT", "DECIDED", "SUPERSEDED", "ARCHIVED"];

const shownSelect = {
  ...projectRowSelect,
  quorum: true,
  options: { select: { key: true, name: true }, orderBy: { position: "asc" } },
  criteria: { select: { key: true, defaultWeight: true }, orderBy: { position: "asc" } },
} satisfies Prisma.ProjectSelect;

type ShownProject = Prisma.ProjectGetPayload<{ select: typeof shownSelect }>;

type Leader = {
  optionKey: string;
  name: string;
  score: number;
  margin: number;
  status: RecommendationStatus;
  coverage: Coverage;
  participation: Participation;
  /** Stored votes the leader leaves out because their scores cannot be read. */
  unreadableVotes: number;
};

/**
 * The team dashboard, bounded whatever the team's size: how many projects each status holds,
 * the latest few of each with their figures, the open decisions still waiting for the caller's
 * ballot (the first few and how many in all), the nearest deadlines (and how many in all) and
 * recent history (of the team's own decisions, not the sample's). The rest of a status is
 * reached through the project list's filter, a page at a time.
 *
 * A shown project's voters are those its own page counts (loadDecision): a recorded decision's
 * kept voters, even those who have left since, otherwise the team's current voting members (and
 * a sample's fictional teammates). Its leader comes from the scoring package (without the
 * confidence resampling, which the list does not show), together with what it rests on: its
 * status, the criteria counted and the complete ballots, so that a provisional leader never
 * reads as a settled one. Blind projects still open show no leader. A project whose stored
 * shape the scoring package refuses is listed as unreadable, with why, and logged: it never
 * takes the rest of the dashboard down with it.
 */
export async function getDashboard(db: PrismaClient, actor: { userId: string; teamId: string }) {
  const team = { teamId: actor.teamId };
  const [counts, shownByStatus, memberships, events] = await Promise.all([
    db.project.groupBy({ by: ["status"], where: team, _count: { _all: true } }),
    Promise.all(
      STATUSES.map((status) =>
        db.project.findMany({
          where: { ...team, status },
          select: shownSelect,
          orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
          take: DASHBOARD_ROWS_PER_STATUS,
        }),
      ),
    ),
    db.membership.findMany({
      where: { ...team, role: { not: "VIEWER" } },
      select: { userId: true, role: true },
    }),
    // The sample decision's history (its fictional teammates' votes) stays on its own page.
    db.projectEvent.findMany({
      where: { ...team, project: { isSample: false } },
      select: {
        id: true,
        type: true,
        criterionKey: true,
        createdAt: true,
        actor: { select: { name: true } },
        project: { select: { id: true, title: true, number: true } },
      },
      orderBy: { id: "desc" },
      take: RECENT_EVENTS,
    }),
  ]);
  const memberIds = memberships.map((m) => m.userId);
  const canVote = memberIds.includes(actor.userId);
  const shown = shownByStatus.flat();

  const [pending, deadlines, deadlineTotal] = await Promise.all([
    canVote ? waitingForMyVote(db, actor, memberIds) : { rows: [], total: 0 },
    db.project.findMany({
      where: { ...team, status: "OPEN", deadline: { not: null } },
      select: { id: true, number: true, title: true, deadline: true },
      orderBy: [{ deadline: "asc" }, { id: "asc" }],
      take: DASHBOARD_DEADLINES_SHOWN,
    }),
    db.project.count({ where: { ...team, status: "OPEN", deadline: { not: null } } }),
  ]);

  const scored = shown.filter((p) => ["OPEN", "DECIDED", "SUPERSEDED"].includes(p.status));
  const scoredIds = scored.map((p) => p.id);
  const [votes, keptVoters] = await Promise.all([
    scoredIds.length === 0
      ? []
      : db.vote.findMany({
          where: { projectId: { in: scoredIds } },
          select: {
            projectId: true,
            userId: true,
            weight: true,
            scores: true,
            noOpinion: true,
            criterion: { select: { key: true } },
            user: { select: { fictional: true } },
          },
        }),
    keptVotersOf(db, actor.teamId, scoredIds),
  ]);
  const votesByProject = new Map<string, typeof votes>();
  for (const vote of votes) {
    const list = votesByProject.get(vote.projectId) ?? [];
    list.push(vote);
    votesByProject.set(vote.projectId, list);
  }

  const projects = shown.map((project) =>
    projectRow(
      project,
      votesByProject.get(project.id) ?? [],
      keptVoters.get(project.id),
      memberIds,
      actor,
    ),
  );
  const countOf = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ProjectStatus, number>;
  for (const row of counts) countOf[row.status] = row._count._all;

  const now = Date.now();
  return {
    /** The latest projects of each status (at most DASHBOARD_ROWS_PER_STATUS of each). */
    projects,
    /** How many projects each status holds in all. */
    counts: countOf,
    total: STATUSES.reduce((sum, s) => sum + countOf[s], 0),
    /** Open decisions whose ballot the caller has not finished, most recently changed first. */
    pendingVotes: pending.rows,
    pendingTotal: pending.total,
    deadlines: deadlines.map((p) => ({ ...p, overdue: (p.deadline?.getTime() ?? now) < now })),
    deadlineTotal,
    recentActivity: events.map((event) => ({
      id: event.id.toString(),
      type: event.type,
      criterionKey: event.criterionKey,
      createdAt: event.createdAt,
      actorName: event.actor?.name ?? null,
      project: event.project,
    })),
  };
}

/** Each recorded decision's kept voters among `projectIds`, in the order recorded. */
async function keptVotersOf(db: PrismaClient, teamId: string, projectIds: string[]) {
  const keptVoters = new Map<string, string[]>();
  if (projectIds.length === 0) return keptVoters;
  const rows = await db.$queryRaw<{ project_id: string; user_id: string | null }[]>`
    SELECT project_id, user_id FROM (${keptVoterRows(
      Prisma.sql`r.team_id = ${teamId} AND r.project_id IN (${Prisma.join(projectIds)})`,
    )}) kept ORDER BY project_id, ord`;
  // An empty list is a list: nobody's votes count.
  for (const row of rows) {
    const kept = keptVoters.get(row.project_id) ?? [];
    if (row.user_id !== null) kept.push(row.user_id);
    keptVoters.set(row.project_id, kept);
  }
  return keptVoters;
}

/**
 * The open decisions whose ballot the caller has not finished (by the rule the project page and
 * its quorum count: an importance alone finishes no criterion), from the shapes of the open
 * decisions and the caller's own votes only: the first few, and how many in all.
 */
async function waitingForMyVote(
  db: PrismaClient,
  actor: { userId: string; teamId: string },
  memberIds: string[],
) {
  const [open, mine] = await Promise.all([
    db.project.findMany({
      where: { teamId: actor.teamId, status: "OPEN" },
      select: {
        id: true,
        number: true,
        title: true,
        options: { select: { key: true } },
        criteria: { select: { key: true } },
      },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    }),
    db.vote.findMany({
      where: { userId: actor.userId, project: { teamId: actor.teamId, status: "OPEN" } },
      select: {
        projectId: true,
        weight: true,
        scores: true,
        noOpinion: true,
        criterion: { select: { key: true } },
      },
    }),
  ]);
  const kept = await keptVotersOf(
    db,
    actor.teamId,
    open.map((p) => p.id),
  );
  const myVotes = new Map<string, typeof mine>();
  for (const vote of mine) {
    const list = myVotes.get(vote.projectId) ?? [];
    list.push(vote);
    myVotes.set(vote.projectId, list);
  }
  const waiting = open.flatMap((project) => {
    // A recorded decision reopened counts its kept voters only; the caller's votes count when
    // they are among them.
    const eligible = kept.get(project.id) ?? memberIds;
    const counted = eligible.includes(actor.userId) ? (myVotes.get(project.id) ?? []) : [];
    const optionKeys = new Set(project.options.map((o) => o.key));
    const ballot = ballotOf(
      project,
      counted.flatMap((v) => scoringVote({ ...v, userId: actor.userId }, optionKeys)),
    );
    if (ballot.state === "complete") return [];
    return [
      {
        id: project.id,
        number: project.number,
        title: project.title,
        criteriaCount: project.criteria.length,
        /** Criteria the caller finished (every option scored, or "no opinion"). */
        myDoneCriteria: ballot.doneCriteria,
        myBallot: ballot.state,
      },
    ];
  });
  return { rows: waiting.slice(0, DASHBOARD_PENDING_SHOWN), total: waiting.length };
}

type DashboardVote = {
  userId: string;
  weight: number | null;
  scores: Prisma.JsonValue;
  noOpinion: boolean;
  criterion: { key: string };
  user: { fictional: boolean };
};

/**
 * A stored vote as the scoring package reads it, or none when its stored scores cannot be read:
 * such a vote counts for nothing here, as the recommendation leaves it out.
 */
function scoringVote(
  v: Pick<DashboardVote, "userId" | "weight" | "scores" | "noOpinion" | "criterion">,
  optionKeys: Set<string>,
) {
  const scores = readScores(v.scores, optionKeys);
  if (!scores) return [];
  return [
    {
      voterId: v.userId,
      criterionKey: v.criterion.key,
      weight: v.weight,
      scores,
      ...(v.noOpinion ? { noOpinion: true } : {}),
    },
  ];
}

/** One shown project with its ballots, the caller's, and its leader. */
function projectRow(
  project: ShownProject,
  allVotes: DashboardVote[],
  kept: string[] | undefined,
  memberIds: string[],
  actor: { userId: string },
) {
  // Without a kept list: the team's voting members, and a sample's fictional teammates who
  // voted on it.
  const eligible =
    kept ??
    (project.isSample
      ? [...memberIds, ...new Set(allVotes.filter((v) => v.user.fictional).map((v) => v.userId))]
      : memberIds);
  const eligibleSet = new Set(eligible);
  const projectVotes = allVotes.filter((v) => eligibleSet.has(v.userId));
  const optionKeys = new Set(project.options.map((o) => o.key));
  const scoringVotes = projectVotes.flatMap((v) => scoringVote(v, optionKeys));
  const myBallot = ballotOf(
    project,
    scoringVotes.filter((v) => v.voterId === actor.userId),
  );
  const hidden = project.votingMode === "BLIND" && project.status === "OPEN";
  const voters = new Set(projectVotes.map((v) => v.userId)).size;
  let leader: Leader | null = null;
  let unreadable: string | null = null;
  if (!hidden && (project.status === "OPEN" || project.status === "DECIDED") && voters > 0) {
    const input: DecisionInput = {
      options: project.options,
      criteria: project.criteria,
      votes: scoringVotes,
      members: eligible,
      // A quorum larger than the team cannot be met; the scoring package refuses it, so cap it.
      ...(project.quorum != null ? { quorum: Math.min(project.quorum, eligible.length) } : {}),
    };
    try {
      // scoringVote leaves out exactly the votes that cannot be read.
      leader = leaderOf(project, input, projectVotes.length - scoringVotes.length);
    } catch (error) {
      // Stored data the scoring package refuses (written around the API): this project cannot
      // be scored, the others still can.
      unreadable = error instanceof Error ? error.message : String(error);
      console.error(
        `Dashboard: project ${project.id} (no. ${project.number}) cannot be scored: ${unreadable}`,
      );
    }
  }
  return {
    id: project.id,
    number: project.number,
    title: project.title,
    isSample: project.isSample,
    status: project.status,
    tags: project.tags,
    votingMode: project.votingMode,
    deadline: project.deadline,
    round: project.round,
    updatedAt: project.updatedAt,
    criteriaCount: project.criteria.length,
    /** Criteria the caller finished (every option scored, or "no opinion"). */
    myDoneCriteria: myBallot.doneCriteria,
    myBallot: myBallot.state,
    voters,
    eligible: eligible.length,
    quorum: project.quorum,
    leader,
    /** Why the project's stored data cannot be scored, when it cannot. */
    unreadable,
  };
}

function leaderOf(
  project: ShownProject,
  input: DecisionInput,
  unreadableVotes: number,
): Leader | null {
  const rec = aggregate(input, { method: METHOD_OF[project.method], resamples: 0 });
  const top = rec.totals.find((t) => t.optionKey === rec.winner);
  const option = project.options.find((o) => o.key === rec.winner);
  if (top?.score == null || !option) return null;
  return {
    optionKey: option.key,
    name: option.name,
    score: top.score,
    margin: rec.margin,
    status: rec.status,
    coverage: rec.coverage,
    // The quorum as set, so one above the team's size is worded as such, not capped.
    participation: { ...rec.participation, quorumAsSet: project.quorum },
    unreadableVotes,
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
