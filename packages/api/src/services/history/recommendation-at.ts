import { Prisma, type PrismaClient } from "@tradeoff/db";
import { DecisionInputError, LIMITS, type Vote } from "@tradeoff/scoring";
import { DomainError } from "../../errors";
import { loadDecision, readScores } from "../project/load-decision";
import { aggregateOrUnscored } from "../record/unscored";
import { loadVisibility } from "./project-visibility";

export type RecommendationAtInput = {
  projectId: string;
  teamId: string;
  userId: string;
  /** The moment to look at; the recommendation includes every vote change up to it. */
  at?: Date;
  /** Or an exact event: the recommendation right after it. */
  eventId?: string;
};

type LatestRow = {
  id: string;
  actor_id: string;
  criterion_key: string;
  created_at: Date;
  after: { weight?: unknown; scores?: unknown; noOpinion?: unknown } | null;
};

/**
 * The recommendation exactly as it stood at a moment of the history (the time slider): each
 * member's latest vote per criterion up to then (an index lookup each, however long the history),
 * aggregated by the scoring package.
 * Hidden (null) while a blind project is open. A moment before the project was created is
 * refused, saying when its history starts: there was no decision to recommend anything in.
 * As the history chart does, a project whose stored shape cannot be scored answers without a
 * result and says why (`unreadable`), and is logged; votes that cannot be read are left out and
 * counted (`unreadableVotes`). Neither fails the request.
 */
export async function recommendationAt(db: PrismaClient, input: RecommendationAtInput) {
  const visibility = await loadVisibility(db, input);
  if (input.at && input.at < visibility.createdAt) {
    const message = `This decision was created at ${visibility.createdAt.toISOString()}: its history starts then. Pick a moment from then on.`;
    throw new DomainError("BAD_REQUEST", message, { at: [message] });
  }
  if (visibility.blind) {
    return { hidden: true as const, result: null, lastEvent: null, unreadable: null };
  }
  // A folded vote's entry counts from its last edit: the state it holds began then.
  const upTo = input.eventId
    ? Prisma.sql`AND id <= ${BigInt(input.eventId).toString()}::bigint`
    : Prisma.sql`AND coalesce(last_edit_at, created_at) <= ${input.at ?? new Date()}`;
  const loaded = await loadDecision(db, input.projectId);
  const voterIds = loaded.members.map((m) => m.id);
  const criterionKeys = loaded.decision.criteria.map((c) => c.key);
  const [rows, lastRows] = await Promise.all([
    // Each voter's latest vote event per criterion up to then: one step back along the
    // (project, actor, criterion, id) index for each of them, not a pass over the history.
    voterIds.length === 0 || criterionKeys.length === 0
      ? []
      : db.$queryRaw<LatestRow[]>`
      SELECT e.id::text AS id, e.actor_id, e.criterion_key,
        coalesce(e.last_edit_at, e.created_at) AS created_at,
        CASE WHEN e.type = 'vote.cast' THEN e.data->'after' END AS after
      FROM unnest(${voterIds}::text[]) AS voter(id)
      CROSS JOIN unnest(${criterionKeys}::text[]) AS criterion(key)
      CROSS JOIN LATERAL (
        SELECT id, actor_id, criterion_key, last_edit_at, created_at, type, data
        FROM project_events
        WHERE project_id = ${input.projectId} AND actor_id = voter.id
          AND criterion_key = criterion.key AND type IN ('vote.cast', 'vote.retracted') ${upTo}
        ORDER BY id DESC LIMIT 1
      ) e`,
    // The last vote change up to then (of anyone, former members included): where the slider is.
    db.$queryRaw<{ id: string; created_at: Date }[]>`
      SELECT id::text AS id, coalesce(last_edit_at, created_at) AS created_at
      FROM project_events
      WHERE project_id = ${input.projectId} AND type IN ('vote.cast', 'vote.retracted')
        AND actor_id IS NOT NULL AND criterion_key IS NOT NULL ${upTo}
      -- project_events.id: the number, not the text alias above (which sorts "9" after "10")
      ORDER BY project_events.id DESC LIMIT 1`,
  ]);
  // The members of that moment: whoever joined the team since did not count then. Membership
  // keeps when each current member joined, not who has left since (their votes and ballots
  // are not counted now either), so the moment is counted against today's voting members who
  // had joined (or voted) by then; `membersThen` and `joinedSince` say so to the page.
  const moment = await momentOf(db, input);
  const joinedLater =
    loaded.votersFrom === "import"
      ? new Set<string>()
      : new Set(
          (
            await db.membership.findMany({
              where: {
                teamId: loaded.project.teamId,
                userId: { in: loaded.members.map((m) => m.id) },
                createdAt: { gt: moment },
              },
              select: { userId: true },
            })
          ).map((m) => m.userId),
        );
  const voters = new Set(loaded.members.map((m) => m.id));
  const criteria = new Set(loaded.decision.criteria.map((c) => c.key));
  const optionKeys = new Set(loaded.decision.options.map((o) => o.key));
  const votes: Vote[] = [];
  let unreadableVotes = 0;
  const last = lastRows[0];
  for (const row of rows) {
    if (!row.after || !voters.has(row.actor_id) || !criteria.has(row.criterion_key)) continue;
    const vote = readVote(row.actor_id, row.criterion_key, row.after, optionKeys);
    if (vote) votes.push(vote);
    else unreadableVotes++;
  }
  // A member with a vote by then took part then, whatever their membership says now (they may
  // have left and joined again).
  const votedThen = new Set(votes.map((v) => v.voterId));
  const members = loaded.members
    .map((m) => m.id)
    .filter((id) => !joinedLater.has(id) || votedThen.has(id));
  const quorumAsSet = loaded.project.quorum;
  const lastEvent = last ? { id: last.id, at: last.created_at } : null;
  let result: ReturnType<typeof aggregateOrUnscored>;
  try {
    result = aggregateOrUnscored(
      {
        ...loaded.decision,
        votes,
        members,
        // A quorum larger than the team then cannot be met: every member's ballot counts instead.
        ...(quorumAsSet != null ? { quorum: Math.min(quorumAsSet, members.length) } : {}),
      },
      { method: loaded.method, resamples: 0 },
    );
  } catch (error) {
    if (!(error instanceof DecisionInputError)) throw error;
    console.error(`History moment: project ${input.projectId} cannot be scored: ${error.message}`);
    return { hidden: false as const, result: null, lastEvent, unreadable: error.message };
  }
  return {
    hidden: false as const,
    result: {
      winner: result.winner,
      margin: result.margin,
      totals: result.totals,
      participation: { ...result.participation, quorumAsSet },
      coverage: result.coverage,
      status: result.status,
      /** Whose ballots the moment counts: today's voting members or the record's, or the file's. */
      votersFrom: loaded.votersFrom,
      /** Members who count for this moment, and members left out because they joined later. */
      membersThen: members.length,
      joinedSince: loaded.members.length - members.length,
      /** Votes of then left out because their stored importance or scores cannot be read. */
      unreadableVotes,
    },
    lastEvent,
    unreadable: null,
  };
}

const within = (x: number | null, min: number, max: number) =>
  x === null || (Number.isFinite(x) && x >= min && x <= max);

/**
 * A vote event's state as the scoring package takes it, or null when it cannot be read (an
 * importance or a score out of range or not a number, "no opinion" with values: written around
 * the API), as the history chart leaves such an event out.
 */
function readVote(
  voterId: string,
  criterionKey: string,
  after: NonNullable<LatestRow["after"]>,
  optionKeys: Set<string>,
): Vote | null {
  const weight = after.weight ?? null;
  if (
    weight !== null &&
    (typeof weight !== "number" || !within(weight, LIMITS.minWeight, LIMITS.maxWeight))
  )
    return null;
  const scores = readScores(after.scores, optionKeys);
  if (!scores) return null;
  const values = Object.values(scores);
  const noOpinion = after.noOpinion === true;
  if (
    noOpinion
      ? weight !== null || values.some((x) => x !== null)
      : !values.every((x) => within(x, LIMITS.minScore, LIMITS.maxScore))
  )
    return null;
  return { voterId, criterionKey, weight, scores, ...(noOpinion ? { noOpinion: true } : {}) };
}

/**
 * The moment a history position stands for: the time of the event asked for (its last edit,
 * for a folded vote), the time asked for, or now. An event id past the project's events is the
 * latest state: now.
 */
async function momentOf(
  db: PrismaClient,
  input: Pick<RecommendationAtInput, "projectId" | "at" | "eventId">,
): Promise<Date> {
  if (!input.eventId) return input.at ?? new Date();
  const event = await db.projectEvent.findFirst({
    where: { id: BigInt(input.eventId), projectId: input.projectId },
    select: { createdAt: true, lastEditAt: true },
  });
  return event ? (event.lastEditAt ?? event.createdAt) : new Date();
}
