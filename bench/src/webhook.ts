import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "@tradeoff/db";
import { type BenchWorld, callerAs } from "./seed";

/** How long the bench's webhook receiver takes to answer each delivery. */
export const RECEIVER_SLEEP_MS = 5_000;

/**
 * `BENCH_WEBHOOK=1`: a local receiver that answers every delivery after 5 s, configured as a
 * webhook of the benchmarked team for every event, with `queued` test events waiting in the
 * queue when the load starts, so the app's worker is busy with slow deliveries throughout.
 * Shows that a slow receiver does not slow votes (deliveries are jobs, off the request path).
 */
export async function startSlowWebhook(
  db: Database,
  world: BenchWorld,
  appSecret: string,
  queued: number,
) {
  let received = 0;
  let answered = 0;
  const server = createServer((req, res) => {
    received++;
    req.resume();
    setTimeout(() => {
      answered++;
      res.writeHead(200).end("ok");
    }, RECEIVER_SLEEP_MS);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  // The receiver is on this machine: the bench, like the app it starts, allows private networks.
  process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "true";
  const owner = world.members[0];
  if (!owner) throw new Error("The bench world has no owner.");
  const caller = callerAs(db, owner, { secret: appSecret });
  const { webhook } = await caller.webhook.create({
    teamId: world.teamId,
    url: `http://127.0.0.1:${port}/slow`,
    events: [
      "project.opened",
      "deadline.near",
      "project.closed",
      "decision.recorded",
      "project.superseded",
    ],
    format: "JSON",
  });
  for (let i = 0; i < queued; i++) {
    await caller.webhook.sendTest({ teamId: world.teamId, webhookId: webhook.id });
  }
  return {
    stats: () => ({ received, answered }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
