/**
 * The API's own cost without HTTP: the benchmarked read and vote called in this process through
 * tRPC's `createCaller` (the same procedures, access checks and Prisma statements the server
 * runs), with this process's CPU time per call. Set against the server's CPU per request of
 * the same run, it splits Tradeoff's cost into the HTTP layer (node:http, the fetch adapter,
 * the session cookie) and the API with its database access.
 */
import { createPrismaClient } from "@tradeoff/db";
import { benchVote } from "./load";
import { type BenchWorld, callerAs } from "./seed";

const CALLS = 4_000;
const WARM_UP_CALLS = 800;
const AT_ONCE = 16;

async function cpuMsPerCall(call: (i: number) => Promise<unknown>): Promise<number> {
  // A warm-up, so the statements' plans and the code's optimisations are in place.
  for (let i = 0; i < WARM_UP_CALLS; i += AT_ONCE) {
    await Promise.all(Array.from({ length: AT_ONCE }, (_, j) => call(i + j)));
  }
  const before = process.cpuUsage();
  for (let i = 0; i < CALLS; i += AT_ONCE) {
    await Promise.all(Array.from({ length: AT_ONCE }, (_, j) => call(i + j)));
  }
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / CALLS;
}

export async function measureInProcess(options: { databaseUrl: string; world: BenchWorld }) {
  const { world } = options;
  const db = createPrismaClient(options.databaseUrl);
  try {
    // Members in turn, as the load's requests are.
    const callers = world.members.map((m) => callerAs(db, m));
    const caller = (i: number) => {
      const c = callers[i % callers.length];
      if (!c) throw new Error("The bench world has no members to call as.");
      return c;
    };
    // Reads first: with no vote in between, each is answered from the recommendation cache,
    // as the read scenario's are.
    const readCpuMs = await cpuMsPerCall((i) =>
      caller(i).project.recommendation({ projectId: world.projectId }),
    );
    const voteCpuMs = await cpuMsPerCall((i) => caller(i).vote.cast(benchVote(world, i)));
    return { calls: CALLS, atOnce: AT_ONCE, readCpuMs, voteCpuMs };
  } finally {
    await db.$disconnect();
  }
}
