import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createPrismaClient, type Database } from "@tradeoff/db";
import { JOB_QUEUES, type JobDefinition, startJobQueue } from "@tradeoff/db/jobs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { appJobs, TEAM_DELIVERY_WORKERS, WEBHOOK_WORKERS } from "../src/jobs";
import {
  attemptDelivery,
  type DeliveryDeps,
  RETRY_WINDOW_MS,
} from "../src/services/webhook/deliver";
import { decryptSecret } from "../src/services/webhook/secret";
import { stopWorker, TEST_APP_SECRET, trpcError, until, useTestDatabase } from "./helpers";
import { at, blankInput, teamWith } from "./project-fixtures";
import { startReceiver, verifySignature } from "./support/webhook-receiver";
import { shortExpiry } from "./support/webhook-worker-settings";

// The receivers of these tests listen on 127.0.0.1; the SSRF tests turn this off where needed.
process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "true";

const t = useTestDatabase();
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

type SlackText = { type: string; text: string; emoji?: boolean };

const DEPS: DeliveryDeps = { appSecret: TEST_APP_SECRET, appUrl: "https://tradeoff.example.com" };

/** Receivers of the running test, closed when it ends: before its workers stop (below). */
const receivers: { close(): Promise<unknown> }[] = [];

async function receiver(...args: Parameters<typeof startReceiver>) {
  const r = await startReceiver(...args);
  receivers.push(r);
  return r;
}

/**
 * A team whose owner has one JSON webhook on `url` for project.opened; `sendTest()` queues a
 * test delivery to it.
 */
async function teamWithWebhook(url: string, roles: Parameters<typeof teamWith>[1] = []) {
  const fixture = await teamWith(t, roles);
  const { webhook } = await fixture.owner.api.webhook.create({
    teamId: fixture.team.id,
    url,
    events: ["project.opened"],
    format: "JSON",
  });
  const ref = { teamId: fixture.team.id, webhookId: webhook.id };
  return { ...fixture, webhook, sendTest: () => fixture.owner.api.webhook.sendTest(ref) };
}

/**
 * Workers started by the running test, stopped when it ends (the next test runs jobs by hand).
 * Its receivers close first, so a request still held open fails at once; each worker then
 * finishes the deliveries it has in hand before its database client goes. Stopped without
 * waiting, a worker's late delivery would open a new connection on the closed client (Prisma
 * reconnects on use) that outlives the test.
 */
const workers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const r of receivers.splice(0)) await r.close();
  for (const stop of workers.splice(0)) await stop();
});

/** An app instance's worker with the app's job handlers (webhook deliveries included). */
async function startWorker(jobs?: (defs: JobDefinition[]) => JobDefinition[]) {
  const db: Database = createPrismaClient(t.url, { poolSize: 2 });
  const defs = appJobs(db, null, DEPS);
  const boss = await startJobQueue({
    url: t.url,
    jobs: jobs ? jobs(defs) : defs,
    pollingIntervalSeconds: 0.5,
    maintenanceIntervalSeconds: 1,
  });
  workers.push(() => stopWorker(boss, db));
  return boss;
}

async function pendingJob(deliveryId: string, attempt: number) {
  const rows = await t.db.$queryRaw<{ start_after: Date; state: string }[]>`
    SELECT start_after, state::text AS state FROM pgboss.job
    WHERE name = ${JOB_QUEUES.webhookDelivery}
      AND data->>'deliveryId' = ${deliveryId} AND (data->>'attempt')::int = ${attempt}`;
  return rows;
}

describe("managing webhooks", () => {
  it("shows the secret once, stores it encrypted, and rotates it", async () => {
    const { team, owner } = await teamWith(t);
    const created = await owner.api.webhook.create({
      teamId: team.id,
      url: "https://hooks.example.com/services/T1/B2/c3",
      events: ["project.opened", "decision.recorded"],
      format: "SLACK",
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const listed = await owner.api.webhook.list({ teamId: team.id });
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    const stored = await t.db.webhook.findUniqueOrThrow({ where: { id: created.webhook.id } });
    expect(stored.secretEncrypted).not.toContain(created.secret);
    expect(decryptSecret(stored.secretEncrypted, TEST_APP_SECRET)).toBe(created.secret);
    expect(() => decryptSecret(stored.secretEncrypted, "another-secret")).toThrow(/rotate/);

    const rotated = await owner.api.webhook.rotateSecret({
      teamId: team.id,
      webhookId: created.webhook.id,
    });
    expect(rotated.secret).not.toBe(created.secret);
    const after = await t.db.webhook.findUniqueOrThrow({ where: { id: created.webhook.id } });
    expect(decryptSecret(after.secretEncrypted, TEST_APP_SECRET)).toBe(rotated.secret);
    // The team's audit trail records who added it and who rotated its secret (never the secret).
    const audit = await t.db.auditEvent.findMany({
      where: { teamId: team.id, action: { startsWith: "webhook." } },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorId: true, data: true },
    });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["webhook.created", owner.id],
      ["webhook.secret_rotated", owner.id],
    ]);
    expect(JSON.stringify(audit)).not.toContain(rotated.secret);
  });

  it("refuses bad input with field errors and saves nothing", async () => {
    const { team, owner } = await teamWith(t);
    const base = { teamId: team.id, events: ["project.opened"], format: "JSON" } as const;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ url: "not a url" }, "url", /not a URL/],
      [{ url: "ftp://files.example.com/hook" }, "url", /https:\/\/.*not ftp:/],
      [{ url: "javascript:alert(1)" }, "url", /not javascript:/],
      [{ url: `https://example.com/${"a".repeat(2000)}` }, "url", /2000 characters/],
      [{ url: "https://user:pw@example.com/hook" }, "url", /user name and password/],
      [{ events: ["project.deleted"] }, "events", /Unknown event/],
      [{ events: [] }, "events", /at least one event/],
      [{ events: ["project.opened", "project.opened"] }, "events", /once/],
      [{ format: "XML" }, "format", /JSON.*SLACK/],
    ];
    for (const [change, field, message] of cases) {
      const error = await trpcError(
        owner.api.webhook.create({ ...base, url: "https://example.com/hook", ...change } as never),
      );
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.cause).toBeInstanceOf(z.ZodError);
      const fieldErrors = z.flattenError(error.cause as z.ZodError).fieldErrors as Record<
        string,
        string[] | undefined
      >;
      expect(fieldErrors[field]?.join(" ")).toMatch(message);
    }
    expect(await t.db.webhook.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("refuses a second webhook to the same address in the same format, even sent twice at once", async () => {
    const { team, owner } = await teamWith(t);
    const input = {
      teamId: team.id,
      url: "https://hooks.example.com/services/T1/B2/c3",
      events: ["project.opened" as const],
      format: "SLACK" as const,
    };
    // A double submit or a retried request: both arrive before either is answered.
    const results = await Promise.allSettled([
      owner.api.webhook.create(input),
      owner.api.webhook.create(input),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refusal = results.find((r) => r.status === "rejected");
    const error = await trpcError(Promise.reject(refusal?.reason));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(
      "This team already sends Slack messages to https://hooks.example.com/services/T1/B2/c3: change that webhook's events instead of adding another.",
    );
    // Another event list to the same address would deliver the shared events twice: refused too.
    const again = await trpcError(
      owner.api.webhook.create({ ...input, events: ["decision.recorded"] }),
    );
    expect(again.code).toBe("CONFLICT");
    expect(await t.db.webhook.count({ where: { teamId: team.id } })).toBe(1);
    // The other format to the same address is another receiver's contract: allowed.
    const json = await owner.api.webhook.create({ ...input, format: "JSON" });
    expect(await t.db.webhook.count({ where: { teamId: team.id } })).toBe(2);
    // Changing that one into a copy of the first is refused, and it stays as it was.
    const change = { teamId: team.id, webhookId: json.webhook.id, format: "SLACK" } as const;
    expect((await trpcError(owner.api.webhook.update(change))).code).toBe("CONFLICT");
    const kept = await t.db.webhook.findUniqueOrThrow({ where: { id: json.webhook.id } });
    expect(kept.format).toBe("JSON");
  });

  it("is for admins, and a webhook of another team is not found", async () => {
    const { team, owner, people } = await teamWith(t, ["MEMBER"]);
    const member = people[1];
    if (!member) throw new Error("fixture");
    const { webhook } = await owner.api.webhook.create({
      teamId: team.id,
      url: "https://hooks.example.com/a",
      events: ["project.opened"],
      format: "JSON",
    });
    expect((await trpcError(member.api.webhook.list({ teamId: team.id }))).code).toBe("FORBIDDEN");
    // An admin of another team, naming their own team and this webhook.
    const other = await teamWith(t);
    const ref = { teamId: other.team.id, webhookId: webhook.id };
    for (const call of [
      () => other.owner.api.webhook.deliveries(ref),
      () => other.owner.api.webhook.rotateSecret(ref),
      () => other.owner.api.webhook.update({ ...ref, enabled: false }),
      () => other.owner.api.webhook.delete(ref),
      () => other.owner.api.webhook.sendTest(ref),
    ]) {
      expect((await trpcError(call())).code).toBe("NOT_FOUND");
    }
    expect(await t.db.webhook.count({ where: { id: webhook.id } })).toBe(1);
  });
});

describe("deliveries", () => {
  it("signs each delivery so the receiver can verify it, in both formats", async () => {
    const r = await receiver();
    const { team, owner } = await teamWith(t);
    const json = await owner.api.webhook.create({
      teamId: team.id,
      url: r.url,
      events: ["project.opened"],
      format: "JSON",
    });
    const slack = await owner.api.webhook.create({
      teamId: team.id,
      url: `${r.url}?slack`,
      events: ["project.opened", "project.closed"],
      format: "SLACK",
    });
    const project = await owner.api.project.create(blankInput(team.id));
    // The deliveries are written in the transaction that opened the project.
    await owner.api.project.open({ projectId: project.id });
    const deliveries = await t.db.webhookDelivery.findMany({
      where: { webhookId: { in: [json.webhook.id, slack.webhook.id] } },
    });
    expect(deliveries).toHaveLength(2);

    await startWorker();
    await r.waitFor(2);
    const jsonRequest = r.received.find((req) => !req.body.includes('"blocks"'));
    const slackRequest = r.received.find((req) => req.body.includes('"blocks"'));
    if (!jsonRequest || !slackRequest) throw new Error("both formats expected");
    expect(verifySignature(json.secret, jsonRequest.headers, jsonRequest.body)).toBe(true);
    expect(verifySignature(slack.secret, slackRequest.headers, slackRequest.body)).toBe(true);
    // Wrong secret, altered body, stale timestamp: refused by the same check.
    expect(verifySignature(slack.secret, jsonRequest.headers, jsonRequest.body)).toBe(false);
    expect(verifySignature(json.secret, jsonRequest.headers, `${jsonRequest.body} `)).toBe(false);
    expect(
      verifySignature(
        json.secret,
        jsonRequest.headers,
        jsonRequest.body,
        300,
        Date.now() / 1000 + 3600,
      ),
    ).toBe(false);

    const doc = JSON.parse(jsonRequest.body);
    expect(doc).toMatchObject({
      version: 1,
      event: "project.opened",
      team: { id: team.id },
      project: {
        id: project.id,
        title: "Which queue for billing events?",
        url: `https://tradeoff.example.com/t/${team.slug}/p/${project.id}`,
      },
      actor: { id: owner.id, name: "Olivia Owner" },
      text: `Olivia Owner opened "Which queue for billing events?" for voting in ${team.name}.`,
    });
    expect(jsonRequest.headers["x-tradeoff-event"]).toBe("project.opened");
    expect(deliveries.map((d) => d.id)).toContain(jsonRequest.headers["x-tradeoff-delivery"]);
    const message = JSON.parse(slackRequest.body);
    expect(message.text).toBe(doc.text);
    expect(message.blocks[0]).toEqual({
      type: "section",
      text: { type: "plain_text", text: doc.text, emoji: false },
    });
    expect(JSON.stringify(message.blocks[1])).toContain(`|Open in Tradeoff>`);

    await until(async () => {
      const log = await owner.api.webhook.deliveries({
        teamId: team.id,
        webhookId: json.webhook.id,
      });
      return log[0]?.status === "DELIVERED";
    });
    const [logged] = await owner.api.webhook.deliveries({
      teamId: team.id,
      webhookId: json.webhook.id,
    });
    expect(logged?.attempts).toEqual([
      expect.objectContaining({ attempt: 1, statusCode: 200, ok: true, responseExcerpt: "ok" }),
    ]);
  }, 60_000);

  it("sends titles and names to Slack as typed: no formatting, no links, no channel-wide ping", async () => {
    const r = await receiver();
    const { team, owner } = await teamWith(t);
    const hostile = "*bold* _x_ ~y~ `code` <!channel> @here <https://evil.example|click> & co";
    await t.db.user.update({ where: { id: owner.id }, data: { name: "Eve @channel *Admin*" } });
    await t.db.team.update({ where: { id: team.id }, data: { name: "Ops <!everyone> _team_" } });
    await owner.api.webhook.create({
      teamId: team.id,
      url: `${r.url}?slack`,
      events: ["project.opened"],
      format: "SLACK",
    });
    const project = await owner.api.project.create(blankInput(team.id, { title: hostile }));
    await owner.api.project.open({ projectId: project.id });
    await startWorker();
    await r.waitFor(1);
    const body = at(r.received, 0).body;
    const message = JSON.parse(body);

    // Slack's mrkdwn has no escape for * _ ~ ` (only &, < and > have entities), so people's text
    // goes in plain_text objects and the fallback text is not read as mrkdwn.
    expect(message.mrkdwn).toBe(false);
    expect(message.blocks[0]).toEqual({
      type: "section",
      text: {
        type: "plain_text",
        text: 'Eve @\u2060channel *Admin* opened "*bold* _x_ ~y~ `code` &lt;!channel&gt; @\u2060here &lt;https://evil.example|click&gt; &amp; co" for voting in Ops &lt;!everyone&gt; _team_.',
        emoji: false,
      },
    });
    expect(message.text).toBe(message.blocks[0].text.text);
    const [teamName, openLink] = message.blocks[1].elements;
    expect(teamName).toEqual({
      type: "plain_text",
      text: "Ops &lt;!everyone&gt; _team_",
      emoji: false,
    });
    expect(openLink).toEqual({
      type: "mrkdwn",
      text: `<https://tradeoff.example.com/t/${team.slug}/p/${project.id}|Open in Tradeoff>`,
      verbatim: true,
    });
    // Nothing typed by a person reaches Slack as a control sequence or a broadcast mention.
    expect(body).not.toMatch(/<!|<https:\/\/evil|@(channel|here|everyone)/);
  }, 60_000);

  it("keeps a long title and names within Slack's limits, emoji codes as typed, and the link whole", async () => {
    // The receiver checks what Slack checks, answering as Slack does when a limit is passed.
    const tooLong = (message: {
      text?: string;
      blocks?: { type: string; text?: SlackText; elements?: SlackText[] }[];
    }): string | null => {
      for (const block of message.blocks ?? []) {
        const texts = [block.text, ...(block.elements ?? [])].filter((x) => x !== undefined);
        const max = block.type === "header" ? 150 : 3000;
        if (block.type === "context" && (block.elements?.length ?? 0) > 10) return "elements";
        for (const text of texts) {
          if (text.text.length < 1 || text.text.length > max) return `${block.type} text`;
          if (text.type === "plain_text" && text.emoji !== false) return "emoji";
        }
      }
      return null;
    };
    const r = await receiver((request) => {
      const broken = tooLong(JSON.parse(request.body));
      return broken
        ? { status: 400, body: `invalid_blocks (${broken})` }
        : { status: 200, body: "ok" };
    });
    const { team, owner } = await teamWith(t);
    // Names come from other sign-in providers and titles from older versions and imports
    // unbounded; & and < take four or five characters each once escaped for Slack.
    const name = `Ada :tada: ${"&".repeat(700)}`;
    await t.db.user.update({ where: { id: owner.id }, data: { name } });
    await t.db.team.update({ where: { id: team.id }, data: { name: `Ops ${"<".repeat(1000)}` } });
    const { webhook } = await owner.api.webhook.create({
      teamId: team.id,
      url: `${r.url}?slack`,
      events: ["project.opened"],
      format: "SLACK",
    });
    const project = await owner.api.project.create(blankInput(team.id));
    const title = `:rocket: ${"Which queue for billing events? ".repeat(100)}`;
    await t.db.project.update({ where: { id: project.id }, data: { title } });
    await owner.api.project.open({ projectId: project.id });
    await startWorker();
    await r.waitFor(1);
    const message = JSON.parse(at(r.received, 0).body);
    expect(tooLong(message)).toBeNull();

    const section = message.blocks[0].text;
    expect(section.type).toBe("plain_text");
    expect(section.emoji).toBe(false);
    expect(section.text.length).toBeLessThanOrEqual(3000);
    expect(section.text.length).toBeGreaterThan(2990);
    expect(section.text.startsWith("Ada :\u2060tada: &amp;&amp;")).toBe(true);
    // Cut with an ellipsis, never inside an entity.
    expect(section.text.endsWith("\u2026")).toBe(true);
    expect(section.text).toMatch(/(&amp;)+\u2026$/);
    expect(message.text).toBe(section.text);
    const [teamName, openLink] = message.blocks[1].elements;
    expect(teamName.text.length).toBeLessThanOrEqual(3000);
    expect(teamName.text).toMatch(/^Ops (&lt;)+\u2026$/);
    expect(openLink).toEqual({
      type: "mrkdwn",
      text: `<https://tradeoff.example.com/t/${team.slug}/p/${project.id}|Open in Tradeoff>`,
      verbatim: true,
    });
    await until(async () => {
      const [logged] = await owner.api.webhook.deliveries({
        teamId: team.id,
        webhookId: webhook.id,
      });
      return logged?.status === "DELIVERED";
    });
  }, 60_000);

  it("retries with backoff for 24 hours, then turns the webhook off and tells its admins", async () => {
    const r = await receiver(() => ({ status: 500, body: "upstream down" }));
    const { team, owner, people, webhook, sendTest } = await teamWithWebhook(r.url, [
      "ADMIN",
      "MEMBER",
    ]);
    const [, admin, member] = people;
    if (!admin || !member) throw new Error("fixture");
    const { deliveryId } = await sendTest();

    // The fake clock: each attempt runs when the previous one asked for it.
    let clock = new Date("2026-06-01T09:00:00Z");
    await t.db.webhookDelivery.update({ where: { id: deliveryId }, data: { retriesFrom: clock } });
    const deps: DeliveryDeps = { ...DEPS, now: () => clock };
    const waits: number[] = [];
    let attempt = 1;
    for (;;) {
      const result = await attemptDelivery(t.db, deps, { data: { deliveryId, attempt } });
      if (result.kind !== "retry") {
        expect(result).toMatchObject({ kind: "failed", disabled: true });
        break;
      }
      // The next attempt is a job of its own, due when the backoff says.
      expect((await pendingJob(deliveryId, attempt + 1))[0]?.start_after).toEqual(result.at);
      waits.push(result.at.getTime() - clock.getTime());
      clock = result.at;
      attempt++;
      if (attempt > 100) throw new Error("retries never stopped");
    }
    expect(waits.slice(0, 4)).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(Math.max(...waits)).toBe(3_600_000);
    const retriesFrom = new Date("2026-06-01T09:00:00Z").getTime();
    expect(clock.getTime() - retriesFrom).toBeLessThanOrEqual(RETRY_WINDOW_MS);
    expect(clock.getTime() - retriesFrom).toBeGreaterThan(RETRY_WINDOW_MS - 3_600_000);
    expect(r.received).toHaveLength(attempt);
    expect(new Set(r.received.map((q) => q.headers["x-tradeoff-delivery"]))).toEqual(
      new Set([deliveryId]),
    );

    const [delivery] = await owner.api.webhook.deliveries({
      teamId: team.id,
      webhookId: webhook.id,
    });
    expect(delivery?.status).toBe("FAILED");
    expect(delivery?.attempts).toHaveLength(attempt);
    expect(delivery?.attempts[0]).toMatchObject({
      attempt,
      statusCode: 500,
      ok: false,
      responseExcerpt: "upstream down",
    });
    const [after] = await owner.api.webhook.list({ teamId: team.id });
    expect(after).toMatchObject({ enabled: false });
    expect(after?.disabledReason).toMatch(/failed for 24 hours/);

    const told = await t.db.notification.findMany({
      where: { teamId: team.id, kind: "webhook.disabled" },
      select: { userId: true },
    });
    expect(told.map((n) => n.userId).sort()).toEqual([owner.id, admin.id].sort());
    const [text] = (await admin.api.notification.list()).items.map((n) => n.text);
    expect(text).toContain(`127.0.0.1:${r.port}`);

    // Turned off: events are no longer delivered to it; turned on again, they are.
    const project = await owner.api.project.create(blankInput(team.id));
    await owner.api.project.open({ projectId: project.id });
    expect(await t.db.webhookDelivery.count({ where: { webhookId: webhook.id } })).toBe(1);
    await owner.api.webhook.update({ teamId: team.id, webhookId: webhook.id, enabled: true });
    const again = await owner.api.project.create(blankInput(team.id));
    await owner.api.project.open({ projectId: again.id });
    expect(await t.db.webhookDelivery.count({ where: { webhookId: webhook.id } })).toBe(2);
  }, 60_000);

  it("redelivers a failed delivery with the same id, and a success ends the failure streak", async () => {
    let healthy = false;
    const r = await receiver(() => (healthy ? { status: 204 } : { status: 503, body: "busy" }));
    const { team, owner, webhook, sendTest } = await teamWithWebhook(r.url);
    const { deliveryId } = await sendTest();
    // A delivery whose day of retries is over (a fake clock a day later) fails for good.
    const clock = new Date(Date.now() + RETRY_WINDOW_MS);
    const failed = await attemptDelivery(
      t.db,
      { ...DEPS, now: () => clock },
      {
        data: { deliveryId, attempt: 1 },
      },
    );
    expect(failed.kind).toBe("failed");
    await owner.api.webhook.update({ teamId: team.id, webhookId: webhook.id, enabled: true });
    const redeliverError = await trpcError(
      owner.api.webhook.redeliver({ teamId: team.id, deliveryId: "not-a-uuid" }),
    );
    expect(redeliverError.code).toBe("BAD_REQUEST");

    healthy = true;
    const again = await owner.api.webhook.redeliver({ teamId: team.id, deliveryId });
    expect(again).toEqual({ deliveryId, attempt: 2 });
    // While its attempt is pending, a second press is refused rather than sent twice.
    expect(
      (await trpcError(owner.api.webhook.redeliver({ teamId: team.id, deliveryId }))).code,
    ).toBe("CONFLICT");
    const result = await attemptDelivery(t.db, DEPS, { data: { deliveryId, attempt: 2 } });
    expect(result).toEqual({ kind: "delivered", statusCode: 204 });
    expect(r.received.map((q) => q.headers["x-tradeoff-delivery"])).toEqual([
      deliveryId,
      deliveryId,
    ]);
    const stored = await t.db.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(stored.failingSince).toBeNull();
    // The same attempt run again (a repeated job) changes nothing and sends nothing.
    expect(await attemptDelivery(t.db, DEPS, { data: { deliveryId, attempt: 2 } })).toEqual({
      kind: "stale",
    });
    expect(r.received).toHaveLength(2);
  });

  it("gives a receiver that does not answer until the timeout, then logs the attempt as failed", async () => {
    const r = await receiver(() => "hold");
    const { sendTest } = await teamWithWebhook(r.url);
    const { deliveryId } = await sendTest();
    // The production timeout is 10 s; the same code path with a short one.
    const result = await attemptDelivery(
      t.db,
      { ...DEPS, timeoutMs: 300 },
      {
        data: { deliveryId, attempt: 1 },
      },
    );
    expect(result.kind).toBe("retry");
    const [attempt] = await t.db.webhookAttempt.findMany({ where: { deliveryId } });
    expect(attempt).toMatchObject({
      statusCode: null,
      ok: false,
      responseExcerpt: "Not delivered: no answer within 0.3 s.",
    });
    expect(r.received).toHaveLength(1);
  });

  /**
   * `count` test deliveries queued first for one team's receiver, which never answers, then one
   * for another team's prompt receiver; resolves once that one is delivered.
   */
  async function promptBehindHanging(count: number) {
    const hanging = await receiver(() => "hold");
    const slow = await teamWithWebhook(hanging.url);
    const held: string[] = [];
    for (let i = 0; i < count; i++) held.push((await slow.sendTest()).deliveryId);
    const prompt = await receiver();
    const { deliveryId } = await (await teamWithWebhook(prompt.url)).sendTest();
    await startWorker();
    await until(
      async () =>
        (await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).status ===
        "DELIVERED",
    );
    return { hanging, held };
  }

  it("delivers to a prompt receiver while another team's receivers hang", async () => {
    const { hanging, held } = await promptBehindHanging(3);
    // The hanging requests are all open at once and none has timed out yet: the prompt delivery
    // did not wait its turn behind them.
    expect(hanging.received).toHaveLength(held.length);
    expect(await t.db.webhookAttempt.count({ where: { deliveryId: { in: held } } })).toBe(0);
  }, 60_000);

  it("delivers to a prompt receiver while another team's hanging receivers outnumber the workers", async () => {
    // Queued first, more of them than an instance has workers.
    const { hanging, held } = await promptBehindHanging(WEBHOOK_WORKERS + 2);
    // None of the hanging requests has timed out yet (10 s): the prompt delivery did not wait
    // for a worker they held, and they hold no more than one team's share.
    expect(await t.db.webhookAttempt.count({ where: { deliveryId: { in: held } } })).toBe(0);
    expect(hanging.received.length).toBeGreaterThan(0);
    expect(hanging.received.length).toBeLessThanOrEqual(TEAM_DELIVERY_WORKERS);
    // The team's waiting deliveries each have their first attempt in turn, none lost.
    const firstAttempts = () =>
      t.db.webhookAttempt.count({ where: { deliveryId: { in: held }, attempt: 1 } });
    await until(async () => (await firstAttempts()) === held.length, { timeoutMs: 60_000 });
    expect(new Set(hanging.received.map((q) => q.headers["x-tradeoff-delivery"]))).toEqual(
      new Set(held),
    );
  }, 90_000);

  it("two workers never deliver the same delivery twice", async () => {
    const r = await receiver();
    const { webhook, sendTest } = await teamWithWebhook(r.url);
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      ids.push((await sendTest()).deliveryId);
    }
    await startWorker();
    await startWorker();
    await until(async () => {
      const delivered = await t.db.webhookDelivery.count({
        where: { webhookId: webhook.id, status: "DELIVERED" },
      });
      return delivered === ids.length;
    });
    // Settle: anything sent twice would arrive now.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const seen = r.received
      .map((q) => String(q.headers["x-tradeoff-delivery"]))
      .filter((id) => ids.includes(id));
    expect(seen.sort()).toEqual([...ids].sort());
  }, 60_000);
});

describe("delivery in flight when the worker dies", () => {
  let child: ChildProcess | undefined;
  beforeAll(() => {
    cleanups.push(async () => child?.kill("SIGKILL"));
  });

  it("is delivered after restart, with the same delivery id", async () => {
    // The first request is held open: the worker that sent it is killed mid-delivery.
    const r = await receiver((_, index) => (index === 0 ? "hold" : { status: 200, body: "ok" }));
    const { sendTest } = await teamWithWebhook(r.url);
    const script = fileURLToPath(new URL("./support/webhook-worker.ts", import.meta.url));
    child = spawn(process.execPath, ["--import", "tsx", script], {
      env: { ...process.env, WORKER_DATABASE_URL: t.url, WORKER_APP_SECRET: TEST_APP_SECRET },
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
      child?.stdout?.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("ready")) resolve();
      });
      child?.once("exit", (code) => reject(new Error(`worker exited with ${code}`)));
    });
    const { deliveryId } = await sendTest();
    await r.waitFor(1);
    child.kill("SIGKILL");
    await new Promise((resolve) => child?.once("exit", resolve));
    expect(
      (await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).status,
    ).toBe("PENDING");

    // Another instance finds the job whose worker died (it expires) and runs it again.
    await startWorker(shortExpiry);
    await r.waitFor(2, 60_000);
    await until(
      async () =>
        (await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).status ===
        "DELIVERED",
    );
    expect(r.received.map((q) => q.headers["x-tradeoff-delivery"])).toEqual([
      deliveryId,
      deliveryId,
    ]);
    const attempts = await t.db.webhookAttempt.findMany({ where: { deliveryId } });
    expect(attempts).toEqual([expect.objectContaining({ attempt: 1, statusCode: 200, ok: true })]);
  }, 90_000);
});

describe("refusing this machine and private networks (SSRF)", () => {
  const withPrivateNetworks = async (allowed: boolean, run: () => Promise<void>) => {
    process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = String(allowed);
    try {
      await run();
    } finally {
      process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "true";
    }
  };

  it("refuses private, loopback and link-local addresses when saved", async () => {
    const { team, owner } = await teamWith(t);
    await withPrivateNetworks(false, async () => {
      for (const url of [
        "http://127.0.0.1:8080/hook",
        "http://10.1.2.3/hook",
        "http://192.168.0.10/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://100.64.0.1/hook",
        "http://[::1]/hook",
        "http://[::ffff:127.0.0.1]/hook",
        "http://[fd00::1]/hook",
        "http://0.0.0.0/hook",
        "http://localhost:3000/hook",
        "http://api.localhost/hook",
      ]) {
        const error = await trpcError(
          owner.api.webhook.create({
            teamId: team.id,
            url,
            events: ["project.opened"],
            format: "JSON",
          }),
        );
        expect(error.code, url).toBe("BAD_REQUEST");
        expect(error.message, url).toMatch(/cannot be sent to this machine or a private network/);
      }
      // A public address is accepted.
      await owner.api.webhook.create({
        teamId: team.id,
        url: "https://93.184.215.14/hook",
        events: ["project.opened"],
        format: "JSON",
      });
    });
    expect(await t.db.webhook.count({ where: { teamId: team.id } })).toBe(1);
  });

  it("checks the address a name resolves to at delivery time, and connects to that address", async () => {
    const r = await receiver();
    // Saved as a name; at delivery it resolves to this machine (a rebinding attack).
    const { sendTest } = await teamWithWebhook(`http://receiver.test:${r.port}/hook`);
    const toLoopback = async () => [{ address: "127.0.0.1", family: 4 }];
    const mixed = async () => [
      { address: "93.184.215.14", family: 4 },
      { address: "10.0.0.7", family: 4 },
    ];
    // The log says what kind of address it was, never the address: the name's resolution
    // inside the app's network is none of the team's business.
    for (const [resolve, reason, address] of [
      [toLoopback, "refused: receiver.test resolves to a loopback address.", "127.0.0.1"],
      [mixed, "refused: receiver.test resolves to a private-network address.", "10.0.0.7"],
    ] as const) {
      const { deliveryId } = await sendTest();
      const result = await attemptDelivery(
        t.db,
        { ...DEPS, resolve, allowPrivate: false },
        {
          data: { deliveryId, attempt: 1 },
        },
      );
      expect(result.kind).toBe("retry");
      const [attempt] = await t.db.webhookAttempt.findMany({ where: { deliveryId } });
      expect(attempt).toMatchObject({ statusCode: null, ok: false });
      expect(attempt?.responseExcerpt).toBe(`Not sent: ${reason}`);
      expect(attempt?.responseExcerpt).not.toContain(address);
    }
    expect(r.received).toHaveLength(0);

    // Allowed (as in these tests), the connection goes to the address the resolver gave.
    const { deliveryId } = await sendTest();
    const result = await attemptDelivery(
      t.db,
      { ...DEPS, resolve: toLoopback, allowPrivate: true },
      {
        data: { deliveryId, attempt: 1 },
      },
    );
    expect(result).toEqual({ kind: "delivered", statusCode: 200 });
    expect(r.received).toHaveLength(1);
  });

  it("refuses at delivery an address saved while private networks were allowed", async () => {
    const r = await receiver();
    const { sendTest } = await teamWithWebhook(r.url);
    const { deliveryId } = await sendTest();
    await withPrivateNetworks(false, async () => {
      await attemptDelivery(t.db, DEPS, { data: { deliveryId, attempt: 1 } });
    });
    const [attempt] = await t.db.webhookAttempt.findMany({ where: { deliveryId } });
    expect(attempt?.responseExcerpt).toBe("Not sent: refused: 127.0.0.1 is a loopback address.");
    expect(r.received).toHaveLength(0);
  });
});
