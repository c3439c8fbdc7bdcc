import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { mutate } from "./support/clients";
import { readWebhookDeliveries } from "./support/records";
import { useFaultWorld, waitFor } from "./support/world";

/**
 * A restart while a job is in progress: a webhook delivery is waiting for its receiver, which
 * answers HOLD_MS after the request came, when the instance gets SIGTERM. The instance must let
 * the delivery finish and store its outcome before it exits: the receiver is asked once, the
 * delivery is stored as delivered with that one attempt, and its job as completed, not left
 * active until it expires and runs (and delivers) again.
 */
const HOLD_MS = 2_000;

const faults = useFaultWorld(1);

test("SIGTERM lets a job in progress finish and store its outcome before the instance exits", async () => {
  const requests: number[] = [];
  let answeredAt = Number.POSITIVE_INFINITY;
  const receiver = createServer((req, res) => {
    req.resume();
    requests.push(Date.now());
    setTimeout(() => {
      answeredAt = Date.now();
      res.writeHead(200, { "content-type": "text/plain" }).end("received");
    }, HOLD_MS);
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = receiver.address() as AddressInfo;
    const { world, cookies, database } = faults();
    const owner = cookies[0] as string;
    const app = await faults().startApp({
      env: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true", LOG_LEVEL: "info" },
      captureLogs: true,
    });
    const created = await mutate(app.origin, owner, "webhook.create", {
      teamId: world.teamId,
      url: `http://127.0.0.1:${port}/tradeoff`,
      events: ["project.closed"],
      format: "JSON",
    });
    expect(created.error).toBeNull();
    const closed = await mutate(app.origin, owner, "project.close", {
      projectId: world.projectId,
    });
    expect(closed.error).toBeNull();

    await waitFor("the webhook's receiver to be asked", () => requests.length > 0, {
      timeoutMs: 30_000,
    });
    await app.stop();
    const exitedAt = Date.now();

    // It exited on its own (stop() kills it 5 s after SIGTERM), once the job was done, and only
    // after the receiver's answer. (Log lines are compared by their time: two lines written in
    // the same millisecond can reach the output in either order.)
    const loggedAt = (msg: string) =>
      app.logLines().find((line) => line.msg === msg)?.time as number | undefined;
    const stoppedAt = loggedAt("job queue stopped");
    const drainedAt = loggedAt("drained; exiting");
    expect(stoppedAt).toBeDefined();
    expect(drainedAt).toBeGreaterThanOrEqual(stoppedAt as number);
    expect(exitedAt).toBeGreaterThanOrEqual(answeredAt);
    expect(requests).toHaveLength(1);

    expect(await readWebhookDeliveries(database.url, world.teamId)).toEqual([
      {
        event: "project.closed",
        status: "DELIVERED",
        attempts: [{ attempt: 1, statusCode: 200, ok: true }],
        jobStates: ["completed"],
      },
    ]);
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});
