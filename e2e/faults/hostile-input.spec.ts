import { expect, request, test } from "@playwright/test";
import { createPrismaClient } from "@tradeoff/db";
import { postInChunks } from "../support/bodies";
import type { AppInstance } from "./support/app";
import { useFaultWorld } from "./support/world";

/**
 * Input built to break the server, against the production build: JSON nested thousands of
 * levels deep (it used to answer "Maximum call stack size exceeded"), bytes that are not UTF-8
 * (they used to be stored as U+FFFD replacement characters), bodies larger than the API reads
 * (the server used to hold any amount in memory), and HSTS, which one build must send for an
 * https deployment and not for a plain local run.
 */
const DEPTH = 100_000;
const LEAK = /Maximum call stack|RangeError|\n\s+at |node_modules|\.tsx?:\d+/;

const faults = useFaultWorld(1);
let plain: AppInstance | undefined;
let secure: AppInstance | undefined;

test.beforeAll(async () => {
  // The same build twice: a plain local run, and one deployed behind https.
  plain = await faults().startApp();
  secure = await faults().startApp({ env: { NEXTAUTH_URL: "https://tradeoff.example.com" } });
});

/** The world's one member, signed in. */
function member() {
  const { world, cookies, database } = faults();
  return { world, database, cookie: cookies[0] ?? "" };
}

type ErrorBody = { error?: { message?: string; data?: { code?: string; requestId?: string } } };

async function expectRefused(res: Response, message: RegExp) {
  const text = await res.text();
  expect(text).not.toMatch(LEAK);
  expect(res.status, text.slice(0, 300)).toBe(400);
  const body = JSON.parse(text) as ErrorBody;
  expect(body.error?.data?.code).toBe("BAD_REQUEST");
  expect(body.error?.message).toMatch(message);
  expect(body.error?.data?.requestId).toBe(res.headers.get("x-request-id"));
}

test("deeply nested JSON is refused with a sentence, in a body or an address", async () => {
  if (!plain) throw new Error("setup failed");
  const { world, cookie } = member();
  const nested = `${"[".repeat(DEPTH)}${"]".repeat(DEPTH)}`;
  const post = await fetch(`${plain.origin}/api/trpc/team.create`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: plain.origin, cookie },
    body: `{"name":"Deep","extra":${nested}}`,
  });
  await expectRefused(post, /nested more than 32 levels deep/);

  // An address holds fewer levels (its length is bounded), still far more than any input needs.
  const shallower = `${"[".repeat(2_000)}${"]".repeat(2_000)}`;
  const input = encodeURIComponent(`{"projectId":"${world.projectId}","x":${shallower}}`);
  const get = await fetch(`${plain.origin}/api/trpc/project.recommendation?input=${input}`, {
    headers: { cookie },
  });
  await expectRefused(get, /nested more than 32 levels deep/);

  // The server is unharmed: the same call with a sensible input is answered.
  const fine = await fetch(
    `${plain.origin}/api/trpc/project.recommendation?input=${encodeURIComponent(JSON.stringify({ projectId: world.projectId }))}`,
    { headers: { cookie } },
  );
  expect(fine.status).toBe(200);
});

test("text that is not UTF-8 is refused, not stored as replacement characters", async () => {
  if (!plain) throw new Error("setup failed");
  const { world, cookie, database } = member();
  const name = "Broken \xff\xfe name";
  const bytes = Buffer.concat([
    Buffer.from('{"name":"'),
    Buffer.from(name, "latin1"),
    Buffer.from('"}'),
  ]);
  const post = await fetch(`${plain.origin}/api/trpc/team.create`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: plain.origin, cookie },
    body: bytes,
  });
  await expectRefused(post, /not valid UTF-8/);

  const input = `%7B%22projectId%22%3A%22${world.projectId}%22%2C%22q%22%3A%22%FF%22%7D`;
  const get = await fetch(`${plain.origin}/api/trpc/project.recommendation?input=${input}`, {
    headers: { cookie },
  });
  await expectRefused(get, /not valid UTF-8/);

  const db = createPrismaClient(database.url, { poolSize: 1 });
  try {
    const teams = await db.team.findMany({ where: { name: { startsWith: "Broken" } } });
    expect(teams, "nothing was stored").toEqual([]);
  } finally {
    await db.$disconnect();
  }
});

test("one build sends HSTS when deployed behind https and not on a plain local run", async () => {
  if (!plain || !secure) throw new Error("setup failed");
  for (const path of ["/sign-in", "/api/health", "/api/trpc/auth.me"]) {
    const onHttps = await fetch(`${secure.origin}${path}`);
    expect(onHttps.headers.get("strict-transport-security"), `${path} behind https`).toBe(
      "max-age=31536000; includeSubDomains",
    );
    const local = await fetch(`${plain.origin}${path}`);
    expect(local.headers.get("strict-transport-security"), `${path} run locally`).toBeNull();
  }
});

test("a body larger than the API reads is refused before the server holds it", async () => {
  if (!plain) throw new Error("setup failed");
  const { world, cookie } = member();
  // DEFAULT_BODY_BYTES of packages/api/src/rest/read-body.ts (every procedure but the imports),
  // and one byte more.
  const tooLarge = 1024 * 1024 + 1;
  const headers = { "content-type": "application/json", origin: plain.origin };
  const expectTooLarge = async (res: Response) => {
    const text = await res.text();
    expect(text).not.toMatch(LEAK);
    expect(res.status, text.slice(0, 300)).toBe(413);
    return text;
  };

  // Declared by its Content-Length, to a public procedure: refused before it is read.
  const declared = await fetch(`${plain.origin}/api/trpc/auth.signUp`, {
    method: "POST",
    headers,
    body: Buffer.alloc(tooLarge, 0x20),
  });
  const body = JSON.parse(await expectTooLarge(declared)) as ErrorBody;
  expect(body.error?.data?.code).toBe("PAYLOAD_TOO_LARGE");
  expect(body.error?.message).toMatch(/larger than 1 MB, the most the API reads/);

  // Sent in chunks without a length: the server stops reading at the bound.
  const chunked = await postInChunks(
    `${plain.origin}/api/trpc/team.create`,
    { ...headers, cookie },
    { bytes: 2 * tooLarge, chunkBytes: 1024 * 1024 },
  );
  expect(await expectTooLarge(chunked)).toMatch(/larger than 1 MB/);

  // The REST API answers a problem document, as for its other refusals.
  const rest = await fetch(`${plain.origin}/api/v1/record/decide`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer tro_unknown" },
    body: Buffer.alloc(tooLarge, 0x20),
  });
  expect(rest.headers.get("content-type")).toContain("application/problem+json");
  const problem = JSON.parse(await expectTooLarge(rest)) as { status?: number; detail?: string };
  expect(problem.status).toBe(413);
  expect(problem.detail).toMatch(/larger than 1 MB/);

  // The server is unharmed: a new connection is served. (A connection whose body was refused
  // unread is ended by the server, so a client must not send on it again.)
  const fresh = await request.newContext();
  const fine = await fresh.get(
    `${plain.origin}/api/trpc/project.recommendation?input=${encodeURIComponent(JSON.stringify({ projectId: world.projectId }))}`,
    { headers: { cookie } },
  );
  expect(fine.status()).toBe(200);
  await fresh.dispose();
});
