import { Agent, type ClientRequest, request } from "node:http";
import { expect, test } from "@playwright/test";
import type { AppInstance } from "./support/app";
import { type Answer, send } from "./support/keep-alive";
import { sleep, useFaultWorld } from "./support/world";

/**
 * A request refused because the server is shutting down carries a request id, as every other
 * refusal before the API does: the `x-request-id` header (the caller's own when sensible) and
 * the same id in the body, whatever was asked (the tRPC API, the REST API, readiness, a page),
 * so whoever reports "503" can be found in the logs. An upload still arriving keeps the server
 * draining while the refusals are asked for.
 */
const faults = useFaultWorld(1, { tokens: true });
let app: AppInstance | undefined;

test.beforeAll(async () => {
  app = await faults().startApp({ env: { SHUTDOWN_GRACE_SECONDS: "10" } });
});

/** The answer's request id: the header, and the same id in the body (tRPC's or REST's place). */
function requestIdOf(answer: Answer): string {
  const header = answer.headers["x-request-id"];
  expect(typeof header, `${answer.status} ${answer.body.slice(0, 300)}`).toBe("string");
  const body = JSON.parse(answer.body) as {
    requestId?: string;
    error?: { data?: { requestId?: string } };
  };
  expect(body.requestId ?? body.error?.data?.requestId, answer.body.slice(0, 300)).toBe(header);
  return String(header);
}

test("refusals while shutting down carry the request id, in the header and the body", async () => {
  if (!app) throw new Error("setup failed");
  const { origin } = app;
  const { tokens } = faults();
  // Connections opened before the signal: a draining server stops listening, so only these
  // reach it afterwards.
  const agents = Array.from({ length: 5 }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
  for (const agent of agents)
    expect((await send(agent, origin, "GET", "/api/health")).status).toBe(200);

  // A vote whose body is still on its way: the server waits for it, so it keeps draining.
  let held: ClientRequest | undefined;
  const heldAnswer = new Promise<number>((resolve) => {
    held = request(
      `${origin}/api/trpc/vote.cast`,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": "4096",
          authorization: `Bearer ${tokens[0] ?? ""}`,
        },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    held.on("error", () => resolve(0));
    held.write("{");
  });
  await sleep(300);

  const stopped = app.stop();
  await sleep(100);
  const [trpc, rest, ready, page, unsensible] = agents as [Agent, Agent, Agent, Agent, Agent];
  const answers = {
    trpc: await send(
      trpc,
      origin,
      "POST",
      "/api/trpc/team.create",
      { "content-type": "application/json", "x-request-id": "caller-chosen-drain-1" },
      JSON.stringify({ name: "Late" }),
    ),
    rest: await send(rest, origin, "GET", "/api/v1/team/list", {
      "x-request-id": "caller-chosen-drain-2",
    }),
    ready: await send(ready, origin, "GET", "/api/ready"),
    page: await send(page, origin, "GET", "/"),
    unsensible: await send(unsensible, origin, "GET", "/api/trpc/team.list", {
      "x-request-id": "no",
    }),
  };
  held?.destroy();
  await heldAnswer;
  await stopped;
  for (const agent of agents) agent.destroy();

  for (const [what, answer] of Object.entries(answers)) {
    expect(answer.status, `${what}: ${answer.body.slice(0, 300)}`).toBe(503);
    expect(answer.headers.connection, what).toBe("close");
  }
  expect(requestIdOf(answers.trpc)).toBe("caller-chosen-drain-1");
  expect(JSON.parse(answers.trpc.body)).toMatchObject({
    error: { message: expect.stringMatching(/restarting; your request was not carried out/) },
  });
  expect(requestIdOf(answers.rest)).toBe("caller-chosen-drain-2");
  expect(answers.rest.headers["content-type"]).toBe("application/problem+json");
  expect(requestIdOf(answers.ready)).toMatch(/^[0-9a-f-]{36}$/);
  expect(JSON.parse(answers.ready.body)).toMatchObject({ status: "unavailable", draining: true });
  expect(requestIdOf(answers.page)).toMatch(/^[0-9a-f-]{36}$/);
  // An id that is not sensible (too short) is replaced by one of the server's own.
  expect(requestIdOf(answers.unsensible)).toMatch(/^[0-9a-f-]{36}$/);
});
