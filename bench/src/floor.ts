/**
 * The stack's floor: what the libraries Tradeoff is built on cost per request with none of
 * Tradeoff's own code, set against node:http and pg doing the same work: the raw baseline
 * server at `/floor`, and `floor-server.ts` through @hono/node-server's listener, tRPC's fetch
 * adapter, zod-checked procedures and Prisma on the app's client settings. Two requests, each
 * shaped like one the app serves all the time, each answered the same by both servers:
 * - read: a GET that runs one parameterised `SELECT` and answers JSON of about the size of a
 *   recommendation (`FLOOR_DATA`), as a cached read of the recommendation does;
 * - write: a JSON POST that runs two statements, one after the other, and answers a small
 *   JSON, as a vote does (its access query, then the vote's one statement).
 * The difference in CPU per request is what these libraries add to each such request of the app
 * before any of its own work, used through their public APIs: set against the baseline's own
 * CPU per request, it shows how close to the baseline the app can come at all.
 */

/** The answer both servers send: 100 rows, about as much JSON as a recommendation. */
export const FLOOR_DATA = {
  rows: Array.from({ length: 100 }, (_, i) => ({
    key: `criterion-${i}`,
    name: `Criterion number ${i}`,
    score: Math.round(i * 1.37 * 100) / 100,
    decided: i % 3 === 0,
  })),
};

/** The answer's size in bytes, as both servers send it (tRPC's shape: `{"result":{"data":…}}`). */
export const FLOOR_ANSWER_BYTES = JSON.stringify({ result: { data: FLOOR_DATA } }).length;

/** The input each request sends (checked by both servers). */
export const FLOOR_INPUT = { id: "floor" };

/** The write's answer: tRPC's shape around a small object, as both servers send it. */
export const FLOOR_WRITTEN = { ok: true };

const query = `?input=${encodeURIComponent(JSON.stringify(FLOOR_INPUT))}`;
const body = JSON.stringify(FLOOR_INPUT);

export type FloorKind = "read" | "write";

/** Each request on each server (tRPC's GET form carries the input in the address). */
export const FLOOR_REQUESTS = {
  read: {
    stack: { path: `/api/trpc/floorRead${query}`, method: "GET" },
    baseline: { path: `/floor${query}`, method: "GET" },
  },
  write: {
    stack: { path: "/api/trpc/floorWrite", method: "POST", body },
    baseline: { path: "/floor", method: "POST", body },
  },
} as const;
