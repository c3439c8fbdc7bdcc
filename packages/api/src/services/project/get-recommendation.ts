import type { PrismaClient } from "@tradeoff/db";
import {
  ballotOf,
  type Coverage,
  coverageBasis,
  hotSpots,
  type OptionTotal,
  type Recommendation,
  type ShownCoverage,
  sensitivity,
} from "@tradeoff/scoring";
import { DomainError } from "../../errors";
import { aggregateOrUnscored } from "../record/unscored";
import { decisionStamp, StampedCache } from "./decision-stamp";
import { type LoadedDecision, type LoadedVote, loadDecision } from "./load-decision";

/** A criterion fails an option when the team's score there is below this. */
export const MUST_HAVE_THRESHOLD = 3;
const HOT_SPOTS = 3;

/**
 * The team's recommendation as the project page shows it: the scoring package's result plus
 * what the page derives from it (must-have failures, hot spots, sensitivity), names for every
 * key, and participation counts. While a blind project is open, only participation (how many
 * have voted, never how) and the caller's own result are returned.
 */
export async function getRecommendation(
  db: PrismaClient,
  actor: { userId: string; teamId: string },
  input: { projectId: string; stamp?: string | undefined },
) {
  const view = await teamView(db, actor, input);
  const mine = view.personalByVoter.get(actor.userId) ?? null;
  return { ...view.shared, mine: mine ? { totals: mine.totals, winner: mine.winner } : null };
}

/**
 * Who has voted on how many criteria, and each member's own winner (none while a blind vote
 * is open). Kept out of the recommendation itself: with a large team these lists are most of
 * the bytes, and the recommendation is read again after every vote by everyone watching.
 */
export async function getParticipation(
  db: PrismaClient,
  actor: { teamId: string },
  input: { projectId: string; stamp?: string | undefined },
) {
  return (await teamView(db, actor, input)).members;
}

/**
 * What recording the decision now would rest on, as every member may see it (from the same
 * cached view): whether the result is provisional and what it rests on, the recommended option
 * (null while a blind vote is open) and each voting member's ballot. The record's draft page
 * reads it to say before acceptance what the server would otherwise refuse.
 */
export async function getRecordingBasis(
  db: PrismaClient,
  actor: { teamId: string },
  input: { projectId: string },
) {
  const { shared, members } = await teamView(db, actor, input);
  return {
    readiness: shared.readiness,
    coverageBasis: coverageBasis({
      coverage: shared.coverage,
      participation: shared.participation,
      status: shared.readiness,
      unreadableVotes: shared.unreadableVotes,
    }),
    winner: shared.result?.winner ?? null,
    hidden: shared.hidden,
    criteriaCount: members.criteriaCount,
    members: members.members,
  };
}

/**
 * Recomputing the recommendation (every vote of every member, and the confidence resampling)
 * is the costly part of a read; the result is the same for every member until something it
 * depends on changes, which the project's stamp tells in one small query.
 */
const views = new StampedCache<Awaited<ReturnType<typeof computeTeamView>>>(200);

/** Computations in flight, so requests arriving together after a change compute it once. */
const inFlight = new Map<string, Promise<Awaited<ReturnType<typeof computeTeamView>>>>();

/**
 * The project's computed view, for a member of its team (another team's caller: NOT_FOUND).
 * `stamp`: the project's decision stamp when the caller has read it already (the access check
 * of the recommendation's procedures reads it in the same round trip).
 */
async function teamView(
  db: PrismaClient,
  actor: { teamId: string },
  input: { projectId: string; stamp?: string | undefined },
) {
  const view = await computedView(db, input.projectId, input.stamp);
  if (view.teamId !== actor.teamId) {
    throw new DomainError("NOT_FOUND", "Decision project was not found.");
  }
  return view;
}

async function computedView(db: PrismaClient, projectId: string, known?: string) {
  const stamp = known ?? (await decisionStamp(db, projectId));
  if (stamp === null) throw new DomainError("NOT_FOUND", "Decision project was not found.");
  const cached = views.get(projectId, stamp);
  if (cached) return cached;
  const key = `${projectId}|${stamp}`;
  let pending = inFlight.get(key);
  if (!pending) {
    // Read after the stamp: the view is at least as new as the stamp it is kept under.
    pending = computeTeamView(db, projectId).then(
      (view) => {
        views.set(projectId, stamp, view);
        inFlight.delete(key);
        return view;
      },
      (error: unknown) => {
        inFlight.delete(key);
        throw error;
      },
    );
    inFlight.set(key, pending);
  }
  return pending;
}

/** Forgets every computed recommendation of this process (tests). */
export function forgetComputedRecommendations() {
  views.clear();
}

async function computeTeamView(db: PrismaClient, projectId: string) {
  const loaded = await loadDecision(db, projectId);
  const { project } = loaded;
  const previousRound =
    project.round > 1
      ? await db.projectRound.findFirst({
          where: { projectId: project.id },
          orderBy: { round: "desc" },
          select: { round: true, result: true, closedAt: true },
        })
      : null;

  const rec = aggregateOrUnscored(loaded.decision, { method: loaded.method });
  const hidden = project.votingMode === "BLIND" && project.status === "OPEN";
  const nameOf = new Map(loaded.members.map((m) => [m.id, m.name]));

  return {
    teamId: project.teamId,
    personalByVoter: new Map(rec.personal.map((p) => [p.voterId, p])),
    members: {
      hidden,
      criteriaCount: project.criteria.length,
      members: membersOf(loaded),
      // Each member's own winner (their totals stay theirs: only `mine` carries them).
      personal: hidden
        ? []
        : rec.personal.map((p) => ({
            voterId: p.voterId,
            name: nameOf.get(p.voterId) ?? "Former member",
            winner: p.winner,
            // Whether their own votes give totals at all: no winner then is "not scored yet",
            // not a tie.
            scored: p.totals.some((t) => t.score !== null),
          })),
    },
    // What every member is answered alike, built once per change.
    shared: {
      projectId: project.id,
      status: project.status,
      votingMode: project.votingMode,
      method: rec.method,
      round: project.round,
      hidden,
      /**
       * Whose votes the result and participation rest on: the team's voting members now, those
       * when the decision was recorded, or the voters of the file a project was imported from.
       */
      votersFrom: loaded.votersFrom,
      /** Stored votes left out of the result because their scores cannot be read. */
      unreadableVotes: loaded.unreadableVotes,
      options: project.options.map(({ key, name }) => ({ key, name })),
      criteria: project.criteria.map(({ key, name, mustHave }) => ({ key, name, mustHave })),
      participation: {
        ...rec.participation,
        criteriaCount: project.criteria.length,
        // The quorum as the project sets it: above the team's size, `quorum` counts all members.
        quorumAsSet: project.quorum,
      },
      // What the totals rest on. In blind mode only the counts, which say how far voting has
      // come: the weight share follows the members' importances, so it waits for the close.
      coverage: shownCoverage(rec.coverage, hidden),
      /** "provisional" or "ready" (the project's own status is `status`). */
      readiness: rec.status,
      result: hidden ? null : teamResult(loaded, rec),
      previousRound:
        previousRound && !hidden
          ? {
              round: previousRound.round,
              closedAt: previousRound.closedAt,
              ...frozenSummary(previousRound.result),
            }
          : null,
    },
  };
}

/**
 * Coverage as every member may see it: while a blind project is open, without the weight share
 * (it is the share of the members' mean importances that the counted criteria carry, which with
 * few voters reads back a member's importance).
 */
export function shownCoverage(coverage: Coverage, hidden: boolean): ShownCoverage {
  return hidden ? { ...coverage, weightShare: null } : coverage;
}

export type RecommendationView = Awaited<ReturnType<typeof getRecommendation>>;

export type ParticipationView = Awaited<ReturnType<typeof getParticipation>>;

/**
 * Each member's ballot by the scoring package's rule (`ballotOf`): complete when every
 * criterion has their score for every option or their "no opinion" mark, partial when they gave
 * something, none otherwise. `doneCriteria` counts the criteria they completed.
 */
function membersOf(loaded: LoadedDecision) {
  const byVoter = new Map<string, LoadedVote[]>();
  for (const vote of loaded.votes) {
    const list = byVoter.get(vote.voterId) ?? [];
    list.push(vote);
    byVoter.set(vote.voterId, list);
  }
  return loaded.members.map((m) => {
    const { doneCriteria, state } = ballotOf(loaded.project, byVoter.get(m.id) ?? []);
    return { id: m.id, name: m.name, doneCriteria, ballot: state };
  });
}

function teamResult(loaded: LoadedDecision, rec: Recommendation) {
  const mustHave = new Set(loaded.project.criteria.filter((c) => c.mustHave).map((c) => c.key));
  const mustHaveFailures = rec.criteria.flatMap((criterion) =>
    mustHave.has(criterion.key)
      ? Object.entries(criterion.scores).flatMap(([optionKey, score]) =>
          score !== null && score < MUST_HAVE_THRESHOLD
            ? [{ optionKey, criterionKey: criterion.key, score }]
            : [],
        )
      : [],
  );
  return {
    totals: rec.totals,
    winner: rec.winner,
    /** Criteria not counted yet, with the options nobody scored there. */
    notScored: rec.criteria
      .filter((c) => !c.counted)
      .map((c) => ({ criterionKey: c.key, missingOptions: c.missingOptions })),
    margin: rec.margin,
    confidence: rec.confidence,
    /** How many voters the confidence resamples (it is null below two). */
    confidenceVoters: rec.confidenceVoters,
    criteria: rec.criteria,
    mustHaveFailures,
    hotSpots: hotSpots(rec.criteria, HOT_SPOTS, rec.method),
    sensitivity: sensitivity(rec.criteria),
  };
}

/** The headline of a frozen round, read defensively: it is stored JSON. */
function frozenSummary(raw: unknown): {
  totals: OptionTotal[];
  winner: string | null;
  margin: number;
} {
  const value = (raw ?? {}) as Partial<Recommendation>;
  return {
    totals: Array.isArray(value.totals) ? value.totals : [],
    winner: typeof value.winner === "string" ? value.winner : null,
    margin: typeof value.margin === "number" ? value.margin : 0,
  };
}
