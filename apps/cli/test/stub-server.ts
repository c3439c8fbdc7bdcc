import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type StubCall = { procedure: string; input: unknown; method: string };

/** What a stub answers a procedure with: its data, or a tRPC error (`{ error: ... }`). */
export type StubAnswer =
  | { data: unknown }
  /** Takes the request and never answers: a server stuck on it. */
  | { noAnswer: true }
  | { error: { message: string; code: string; httpStatus: number; fieldErrors?: unknown } };

/**
 * A stand-in for a Tradeoff server's tRPC endpoint: each call (`/api/trpc/<procedure>`, a query's
 * input in the address, a mutation's in the body) is recorded and answered by `answer`. Gives the
 * environment that points the CLI at it, the calls so far, and `close`.
 */
export async function stubServer(answer: (call: StubCall) => StubAnswer) {
  const calls: StubCall[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://stub");
      const procedure = url.pathname.replace(/^\/api\/trpc\//, "");
      const raw = req.method === "GET" ? url.searchParams.get("input") : body;
      const call = {
        procedure,
        input: raw ? JSON.parse(raw) : undefined,
        method: req.method ?? "",
      };
      calls.push(call);
      const answered = answer(call);
      if ("noAnswer" in answered) return;
      const status = "error" in answered ? answered.error.httpStatus : 200;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(
        JSON.stringify(
          "error" in answered
            ? {
                error: {
                  message: answered.error.message,
                  code: -32600,
                  data: {
                    code: answered.error.code,
                    httpStatus: answered.error.httpStatus,
                    fieldErrors: answered.error.fieldErrors ?? null,
                  },
                },
              }
            : { result: { data: answered.data } },
        ),
      );
    });
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    env: (configDir: string) => ({
      TRADEOFF_CONFIG_DIR: configDir,
      TRADEOFF_URL: `http://127.0.0.1:${port}`,
      TRADEOFF_TOKEN: "tro_x",
    }),
    close: () =>
      new Promise<void>((closed) => {
        server.close(() => closed());
        server.closeAllConnections();
      }),
  };
}

/**
 * Runs `use` with the environment of a CLI pointed at a stub server answering `answer`, with a
 * config folder of its own (`home`, a fresh folder), and closes the server after, whatever `use`
 * did.
 */
export async function withStubServer<T>(
  answer: (call: StubCall) => StubAnswer,
  use: (env: Record<string, string>, home: string) => Promise<T>,
) {
  const stub = await stubServer(answer);
  try {
    const home = await mkdtemp(join(tmpdir(), "tradeoff-stub-"));
    return await use(stub.env(home), home);
  } finally {
    await stub.close();
  }
}

/** The team the stub servers' CLI user belongs to: billing. */
export const BILLING_TEAM = { id: "cmteam", slug: "billing", name: "Billing" };

/** `answer`, except that `team.list` answers with team billing. */
const inBilling =
  (answer: (call: StubCall) => StubAnswer) =>
  (call: StubCall): StubAnswer =>
    call.procedure === "team.list" ? { data: [BILLING_TEAM] } : answer(call);

/** A stub server whose `team.list` answers with team billing, and any other call with `answer`. */
export function billingStub(answer: (call: StubCall) => StubAnswer) {
  return stubServer(inBilling(answer));
}

/** `withStubServer` on a server whose `team.list` answers with team billing. */
export function withBillingStub<T>(
  answer: (call: StubCall) => StubAnswer,
  use: (env: Record<string, string>, home: string) => Promise<T>,
) {
  return withStubServer(inBilling(answer), use);
}

/**
 * A server whose team billing lists one project, `project`, with the record status given
 * (accepted by default), whose `record.get` answers `view`; any other call fails the test.
 */
export function oneRecordAnswer(
  project: { number: number },
  view: unknown,
  recordStatus = "accepted",
) {
  return inBilling(({ procedure }) => {
    if (procedure === "project.list")
      return { data: { items: [{ ...project, recordStatus }], nextCursor: null, total: 1 } };
    if (procedure === "record.get") return { data: { view } };
    throw new Error(`unexpected ${procedure}`);
  });
}

/**
 * What `record.get` answers for `project` of team billing: a recorded decision for Kafka over
 * NATS on one criterion, no votes; `changes` replaces any part of it.
 */
export function recordView(
  project: { id: string; number: number; title: string; status: string },
  changes: Record<string, unknown> = {},
) {
  return {
    team: BILLING_TEAM,
    project: { ...project, method: "weighted-mean" },
    options: [
      { key: "kafka", name: "Kafka" },
      { key: "nats", name: "NATS" },
    ],
    criteria: [{ key: "ops", name: "Operations", defaultWeight: 3 }],
    votes: [],
    participation: { complete: 0, partial: 0, none: 0, eligible: 0, quorum: null },
    decision: { chosenOptionKey: "kafka" },
    source: null,
    draft: false,
    ...changes,
  };
}

/**
 * The server's answer to a folder import: the `records` it creates (or would) and the `skipped`
 * files, as a dry run when the CLI asked for one. `result` is read at each call.
 */
export function folderImportAnswer(result: () => { records: unknown[]; skipped: unknown[] }) {
  return ({ input }: StubCall): StubAnswer => ({
    data: { ...result(), dryRun: (input as { dryRun: boolean }).dryRun },
  });
}

/** A record of a folder import's answer: accepted, no links or notes unless `record` has some. */
export const importedRecord = (
  record: { fileName: string; number: number; title: string; date: string } & Record<
    string,
    unknown
  >,
) => ({ status: "accepted", supersedes: [], supersededBy: [], warnings: [], ...record });
