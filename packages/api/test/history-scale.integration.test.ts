import type { PrismaClient } from "@tradeoff/db";
import { describe, expect, it } from "vitest";
import { listHistoryPeople } from "../src/services/history/list-history-people";
import { recommendationAt } from "../src/services/history/recommendation-at";
import { useTestDatabase } from "./helpers";
import { at, castVote, openBlankProject } from "./project-fixtures";

const t = useTestDatabase();

const EVENTS = 20_000;

/**
 * The transaction's client, its statements sent one at a time (a transaction has one
 * connection): the same statements the service sends, in the order it sends them.
 */
function oneAtATime(tx: object): PrismaClient {
  let queue: Promise<unknown> = Promise.resolve();
  const run = <R>(call: () => PromiseLike<R>): Promise<R> => {
    const next = queue.then(call, call);
    queue = next.catch(() => undefined);
    return next;
  };
  const wrap = (target: object): unknown =>
    new Proxy(target, {
      get(object, key) {
        const value: unknown = Reflect.get(object, key);
        if (typeof value === "function")
          return (...args: unknown[]) => run(() => value.apply(object, args));
        return value && typeof value === "object" ? wrap(value) : value;
      },
    });
  return wrap(tx) as PrismaClient;
}

/**
 * Runs `read` in a transaction and answers how many rows of project_events it read (by
 * sequential and index scans): what a long history costs it, whatever the machine's speed.
 */
async function eventRowsRead(read: (db: PrismaClient) => Promise<unknown>) {
  return t.db.$transaction(
    async (tx) => {
      // The backend's counts not yet reported include earlier statements: the difference is
      // what `read` did.
      const rowsSoFar = async () => {
        const [row] = await tx.$queryRaw<{ rows: number }[]>`
          SELECT (pg_stat_get_xact_tuples_returned('project_events'::regclass)
            + pg_stat_get_xact_tuples_fetched('project_events'::regclass))::int AS rows`;
        return row?.rows ?? Number.NaN;
      };
      const before = await rowsSoFar();
      await read(oneAtATime(tx));
      return (await rowsSoFar()) - before;
    },
    { timeout: 60_000 },
  );
}

describe("a long history", () => {
  it("answers the time slider and the member filter without reading every event", async () => {
    const { people, team, projectId } = await openBlankProject(t, ["MEMBER", "MEMBER"]);
    const voters = people.map((p) => p.id);
    await t.db.$executeRawUnsafe(
      `INSERT INTO project_events (project_id, team_id, actor_id, type, criterion_key, data, created_at)
       SELECT $1, $2, ($3::text[])[1 + g % $4], 'vote.cast',
              CASE WHEN g % 2 = 0 THEN 'ops' ELSE 'ordering' END,
              jsonb_build_object('before', null, 'after', jsonb_build_object(
                'weight', 1 + g % 5,
                'scores', jsonb_build_object('kafka', 1 + g % 5, 'sqs', 1 + (g * 7) % 5))),
              now() - interval '1 day' + g * interval '1 second'
       FROM generate_series(1, $5) AS g`,
      projectId,
      team.id,
      voters,
      voters.length,
      EVENTS,
    );
    await castVote(at(people, 1), projectId, "ops", { weight: 5, scores: { kafka: 5, sqs: 1 } });
    await t.db.$executeRawUnsafe("ANALYZE project_events");
    const [late] = await t.db.$queryRaw<{ id: string }[]>`
      SELECT (max(id) - 10)::text AS id FROM project_events WHERE project_id = ${projectId}`;
    const input = { projectId, teamId: team.id, userId: people[0]?.id ?? "" };

    // The same answer as the history's own replay at that point (the chart's last point).
    const moment = await t.callerAs(at(people, 0)).history.at({ projectId, eventId: late?.id });
    expect(moment.result?.participation.complete).toBe(3);

    // Three voters on two criteria: a handful of index steps, not the 20,000 events before it.
    const slider = await eventRowsRead((db) =>
      recommendationAt(db, { ...input, eventId: late?.id }),
    );
    expect(slider).toBeLessThan(100);
    const memberFilter = await eventRowsRead((db) => listHistoryPeople(db, input));
    expect(memberFilter).toBeLessThan(100);
    const names = (await listHistoryPeople(t.db, input)).map((p) => p.id).sort();
    expect(names).toEqual([...voters].sort());
  }, 120_000);
});
