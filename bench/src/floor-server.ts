/**
 * The stack's floor (see floor.ts): the libraries Tradeoff's API runs on, with none of its code.
 * @hono/node-server's request listener on node:http (as apps/web/server.ts uses it), tRPC's fetch
 * adapter, a query and a mutation with zod inputs, and their statements through Prisma's
 * `$queryRaw` (the write's two one after the other, as a vote's access check and its one
 * statement are) on a client made by @tradeoff/db (the app's pool size and query plan cache).
 */
import { createServer } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { createPrismaClient, sql, statement } from "@tradeoff/db";
import { initTRPC } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { z } from "zod";
import { FLOOR_DATA, FLOOR_WRITTEN } from "./floor";

const url = process.env.BENCH_FLOOR_DATABASE_URL;
const port = Number(process.env.BENCH_FLOOR_PORT);
if (!url || !Number.isInteger(port) || port < 1) {
  throw new Error("BENCH_FLOOR_DATABASE_URL and BENCH_FLOOR_PORT are required.");
}

const db = createPrismaClient(url);
/** The same statement the baseline's /floor runs. */
const echo = statement<{ id: string }, { echo: string }>(
  ({ id }) => sql`SELECT ${id}::text AS echo`,
);

async function run(runner: Parameters<typeof echo>[0], input: { id: string }) {
  const [row] = await echo(runner, input);
  if (!row) throw new Error("The floor statement returned no row.");
}

const t = initTRPC.create();
const floorInput = z.object({ id: z.string().min(1) });
const router = t.router({
  floorRead: t.procedure.input(floorInput).query(async ({ input }) => {
    await run(db, input);
    return FLOOR_DATA;
  }),
  floorWrite: t.procedure.input(floorInput).mutation(async ({ input }) => {
    await run(db, input);
    await run(db, input);
    return FLOOR_WRITTEN;
  }),
});

const trpc = getRequestListener(
  (request) => fetchRequestHandler({ endpoint: "/api/trpc", req: request, router }),
  { overrideGlobalObjects: true },
);

const server = createServer((req, res) => {
  if (req.url === "/health") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"status":"ok"}');
    return;
  }
  void trpc(req, res);
}).listen(port, "127.0.0.1");
// A clean exit on the bench's SIGTERM, so a CPU profile (BENCH_PROFILE_DIR) is written.
process.on("SIGTERM", () => {
  server.close();
  void db.$disconnect().then(() => process.exit(0));
});
