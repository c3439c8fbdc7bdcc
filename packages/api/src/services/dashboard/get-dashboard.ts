import { Prisma, type PrismaClient } from "@tradeoff/db";
import {
  aggregate,
  ballotOf,
  type Coverage,
  type DecisionInput,
  type Participation,
  type RecommendationStatus,
} from "@tradeoff/scoring";
import { cleanScores, keptVoterRows, METHOD_OF } from "../project/load-decision";
import { projectRowSelect } from "../project/select";

const RECENT_EVENTS = 15;

/**
 * The team dashboard in five queries: projects with their shapes, the votes of open, decided and
 * superseded projects, the voting members, the voters each recorded decision kept, and recent
 * history (of the team's own decisions, not the sample's). A project's voters are those its
 * own page counts (loadDecision): a recorded decision's kept voters, even those who have left
 * since, otherwise the team's current voting members (and a sample's fictional teammates).
 * Each project's leader comes from
 * the scoring package (without the confidence resampling, which the list does not show),
 * together with what it rests on: its status, the criteria counted and the complete ballots,
 * so that a provisional leader never reads as a settled one. Blind projects still open show
 * no leader.
 */
export async function getDashboard(db: PrismaClient, actor: { userId: string; teamId: string }) {
  const [projects, votes, memberships, keptRows, events] = await Promise.all([
    db.project.findMany({
      where: { teamId: actor.teamId },
      select: {
        ...projectRowSelect,
        quorum: true,
        options: { select: { key: true, name: true }, orderBy: { position: "asc" } },
        criteria: { select: { key: true, defaultWeight: true }, orderBy: { position: "asc" } },
      },
      orderBy: [{ updatedAt: "desc" }],
    }),
    db.vote.findMany({
      where: {
        project: { teamId: actor.teamId, status: { in: ["OPEN", "DECIDED", "SUPERSEDED"] } },
      },
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
    db.membership.findMany({
      where: { teamId: actor.teamId, role: { not: "VIEWER" } },
      select: { userId: true, role: true },
    }),
    db.$queryRaw<{ project_id: string; user_id: string | null }[]>`
      SELECT project_id, user_id FROM (${keptVoterRows(
        Prisma.sql`r.team_id = ${actor.teamId}`,
      )}) kept ORDER BY project_id, ord`,
    // The sample decision's history (its fictional teammates' votes) stays on its own page.
    db.projectEvent.findMany({
      where: { teamId: actor.teamId, project: { isSample: false } },
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
  const memberSet = new Set(memberIds);
  const canVote = memberSet.has(actor.userId);
  // A recorded decision's kept voters, in the order recorded (an empty list is a list).
  const keptVoters = new Map<string, string[]>();
  for (const row of keptRows) {
    const kept = keptVoters.get(row.project_id) ?? [];
    if (row.user_id !== null) kept.push(row.user_id);
    keptVoters.set(row.project_id, kept);
  }
  const votesByProject = new Map<string, typeof votes>();
  for (const vote of votes) {
    const list = votesByProject.get(vote.projectId) ?? [];
    list.push(vote);
    votesByProject.set(vote.projectId, list);
  }

  const list = projects.map((project) => {
    const kept = keptVoters.get(project.id);
    const allVotes = votesByProject.get(project.id) ?? [];
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
    const scoringVotes = projectVotes.map((v) => ({
      voterId: v.userId,
      criterionKey: v.criterion.key,
      weight: v.weight,
      scores: cleanScores(v.scores, optionKeys),
      ...(v.noOpinion ? { noOpinion: true } : {}),
    }));
    // The caller's ballot by the rule the project page and its quorum count (an importance
    // alone finishes no criterion).
    const myBallot = ballotOf(
      project,
      scoringVotes.filter((v) => v.voterId === actor.userId),
    );
    const hidden = project.votingMode === "BLIND" && project.status === "OPEN";
    const voters = new Set(projectVotes.map((v) => v.userId)).size;
    let leader: {
      optionKey: string;
      name: string;
      score: number;
      margin: number;
      status: RecommendationStatus;
      coverage: Coverage;
      participation: Participation;
    } | null = null;
    if (!hidden && (project.status === "OPEN" || project.status === "DECIDED") && voters > 0) {
      const input: DecisionInput = {
        options: project.options,
        criteria: project.criteria,
        votes: scoringVotes,
        members: eligible,
        // A quorum larger than the team cannot be met; the scoring package refuses it, so cap it.
        ...(project.quorum != null ? { quorum: Math.min(project.quorum, eligible.length) } : {}),
      };
      const rec = aggregate(input, { method: METHOD_OF[project.method], resamples: 0 });
      const top = rec.totals.find((t) => t.optionKey === rec.winner);
      const option = project.options.find((o) => o.key === rec.winner);
      if (top?.score != null && option) {
        leader = {
          optionKey: option.key,
          name: option.name,
          score: top.score,
          margin: rec.margin,
          status: rec.status,
          coverage: rec.coverage,
          // The quorum as set, so one above the team's size is worded as such, not capped.
          participation: { ...rec.participation, quorumAsSet: project.quorum },
        };
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
    };
  });

  const now = Date.now();
  return {
    projects: list,
    pendingVotes: canVote
      ? list.filter((p) => p.status === "OPEN" && p.myBallot !== "complete")
      : [],
    deadlines: list
      .filter((p) => p.status === "OPEN" && p.deadline)
      .sort((a, b) => (a.deadline?.getTime() ?? 0) - (b.deadline?.getTime() ?? 0))
      .map((p) => ({ ...p, overdue: (p.deadline?.getTime() ?? now) < now })),
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

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
