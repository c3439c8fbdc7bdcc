import { createServer, Socket } from "node:net";
import { createPrismaClient } from "@tradeoff/db";
import { TRPCError } from "@trpc/server";
import { afterAll, describe, expect, it } from "vitest";
import {
  isDatabaseUnavailable,
  OUTCOME_UNKNOWN_MESSAGE,
  OutcomeUnknownError,
  statementWithOutcome,
} from "../src/database-errors";
import { createCaller } from "../src/root";
import { createContextInner } from "../src/trpc";
import { useTestDatabase } from "./helpers";
import { drfInput, openProject, teamWith } from "./project-fixtures";

/**
 * The connection to PostgreSQL drops just after a vote's statement (one statement, its own
 * transaction) reaches the database: the vote is stored, but the app cannot know. It must say so ("may not have been saved; retrying is
 * safe"), not "not saved", and the retry must neither fail nor add a history entry.
 */
const t = useTestDatabase();

/**
 * A TCP proxy in front of PostgreSQL. Once armed, it passes the next vote statement on to the
 * database, gives it a moment to commit, then cuts the app's connection before the answer
 * comes back.
 */
async function droppingProxy(databaseUrl: string) {
  const target = new URL(databaseUrl);
  let armed = false;
  let dropped = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = new Socket();
    sockets.add(client);
    sockets.add(upstream);
    upstream.connect(Number(target.port || 5432), target.hostname);
    client.on("data", (chunk: Buffer) => {
      upstream.write(chunk);
      if (armed && chunk.includes("cast_vote(")) {
        armed = false;
        client.pause();
        upstream.unpipe();
        // The vote is on its way; its answer never reaches the app.
        setTimeout(() => {
          dropped++;
          client.destroy();
          upstream.destroy();
        }, 200);
      }
    });
    upstream.on("data", (chunk: Buffer) => {
      if (!client.destroyed && !client.isPaused()) client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end);
    upstream.on("error", end);
    client.on("close", end);
    upstream.on("close", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no proxy address");
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(address.port);
  return {
    url: url.toString(),
    arm() {
      armed = true;
    },
    get dropped() {
      return dropped;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let proxy: Awaited<ReturnType<typeof droppingProxy>> | undefined;
afterAll(async () => {
  await proxy?.close();
});

describe("a vote whose answer is lost after the database committed it", () => {
  it("answers 'may not have been saved; retrying is safe', and the retry adds nothing", async () => {
    const { team, owner, people } = await teamWith(t, ["MEMBER"]);
    const projectId = await openProject(owner, drfInput(team.id));
    const member = people[1];
    if (!member) throw new Error("a member expected");

    proxy = await droppingProxy(t.url);
    const viaProxy = createPrismaClient(proxy.url, { poolSize: 1 });
    const api = createCaller(
      createContextInner({
        db: viaProxy,
        user: { id: member.id, email: member.email ?? "", name: member.name, tokenVersion: 0 },
      }),
    );
    const vote = {
      projectId,
      criterionKey: "performance",
      weight: 4,
      scores: { drf: 2, fastapi: 5 },
      rationale: "async matters",
    };
    // The access check runs; the vote reaches the database and commits, its answer is lost.
    await api.project.get({ projectId });
    proxy.arm();
    const failure = await api.vote.cast(vote).then(
      () => null,
      (error: unknown) => error,
    );
    await viaProxy.$disconnect().catch(() => {});
    expect(proxy.dropped).toBe(1);
    expect(failure).toBeInstanceOf(TRPCError);
    expect((failure as TRPCError).code).toBe("SERVICE_UNAVAILABLE");
    expect((failure as TRPCError).message).toBe(OUTCOME_UNKNOWN_MESSAGE);
    expect((failure as TRPCError).message).not.toMatch(/not saved/);

    // It was in fact saved, with its history event.
    const events = () =>
      t.db.projectEvent.count({ where: { projectId, actorId: member.id, type: "vote.cast" } });
    expect(await events()).toBe(1);
    const [stored] = await member.api.vote.mine({ projectId });
    expect(stored).toMatchObject({ criterionKey: "performance", weight: 4 });

    // The client's retry of the identical vote succeeds and adds no history entry.
    const retried = await member.api.vote.cast(vote);
    expect(retried).toMatchObject({ criterionKey: "performance", weight: 4 });
    expect(await events()).toBe(1);
  });
});

describe("a vote statement that never reached the database", () => {
  it("is told apart from a lost answer: the database's own error, so the app says 'not saved'", async () => {
    // A port nobody listens on: the pool cannot open a connection, so nothing was sent.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const address = closed.address();
    if (!address || typeof address === "string") throw new Error("no address");
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const url = new URL(t.url);
    url.hostname = "127.0.0.1";
    url.port = String(address.port);
    const unreachable = createPrismaClient(url.toString(), { poolSize: 1 });
    try {
      const failure = await statementWithOutcome(() => unreachable.$queryRaw`SELECT 1`).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(Error);
      expect(failure).not.toBeInstanceOf(OutcomeUnknownError);
      expect(isDatabaseUnavailable(failure)).toBe(true);
    } finally {
      await unreachable.$disconnect().catch(() => {});
    }
  });
});
