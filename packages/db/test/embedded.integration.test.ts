import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../src/client";
import { startEmbeddedPostgres } from "../src/embedded";
import { migrateDatabase } from "../src/migrate";

describe("embedded PostgreSQL", () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "tradeoff-embedded-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("keeps its data across a stop and a second start", { timeout: 60_000 }, async () => {
    const coldStart = performance.now();
    const first = await startEmbeddedPostgres({ dataDir });
    console.log(
      `embedded cold start (new data folder): ${Math.round(performance.now() - coldStart)} ms`,
    );
    try {
      await migrateDatabase(first.url);
      const db = createPrismaClient(first.url, { poolSize: 2 });
      await db.team.create({ data: { name: "Kept team", slug: "kept" } });
      await db.$disconnect();
    } finally {
      await first.stop();
    }

    const warmStart = performance.now();
    const second = await startEmbeddedPostgres({ dataDir });
    console.log(`embedded start (existing data): ${Math.round(performance.now() - warmStart)} ms`);
    try {
      expect((await migrateDatabase(second.url)).applied).toEqual([]);
      const db = createPrismaClient(second.url, { poolSize: 2 });
      const team = await db.team.findUnique({ where: { slug: "kept" } });
      expect(team?.name).toBe("Kept team");
      await db.$disconnect();
    } finally {
      await second.stop();
    }
  });

  it("refuses a data folder another running process holds", async () => {
    const { writeFile, mkdir } = await import("node:fs/promises");
    const held = join(dataDir, "held");
    await mkdir(held, { recursive: true });
    await writeFile(join(held, "tradeoff.pid"), String(process.ppid));
    await expect(startEmbeddedPostgres({ dataDir: held })).rejects.toThrow(/in use by process/);
  });

  it("serves concurrent queries and transactions from a pool of several connections", {
    timeout: 60_000,
  }, async () => {
    const embedded = await startEmbeddedPostgres({ dataDir: join(dataDir, "concurrent") });
    const db = createPrismaClient(embedded.url, { poolSize: 8 });
    try {
      await migrateDatabase(embedded.url);
      const owner = await db.user.create({ data: { email: "owner@example.test" } });
      const writes = Array.from({ length: 60 }, async (_, i) => {
        // Large values span several network packets, so messages from connections interleave.
        const name = `Team ${i} ${"x".repeat(i % 3 === 0 ? 70_000 : 10)}`;
        const team = await db.team.create({ data: { name, slug: `team-${i}` } });
        const read = await db.team.findUnique({ where: { slug: `team-${i}` } });
        expect(read?.name).toBe(name);
        await db.$transaction(async (tx) => {
          await tx.membership.create({
            data: { teamId: team.id, userId: owner.id, role: "OWNER" },
          });
          const count = await tx.membership.count({ where: { teamId: team.id } });
          expect(count).toBe(1);
        });
      });
      const reads = Array.from({ length: 60 }, async (_, i) => {
        expect(await db.user.findMany({ where: { tokenVersion: { gt: 100 + i } } })).toEqual([]);
      });
      let peakConnections = 0;
      const sampler = setInterval(() => {
        peakConnections = Math.max(peakConnections, embedded.stats().activeConnections);
      }, 5);
      const results = await Promise.allSettled([...writes, ...reads]);
      clearInterval(sampler);
      expect(peakConnections).toBeGreaterThan(1);
      expect(results.filter((r) => r.status === "rejected")).toEqual([]);
      expect(await db.team.count()).toBe(60);
      expect(await db.membership.count({ where: { userId: owner.id } })).toBe(60);
    } finally {
      await db.$disconnect();
      await embedded.stop();
    }
  });

  it("keeps each connection's prepared statements apart when statements of different shapes race", {
    timeout: 60_000,
  }, async () => {
    const server = await startEmbeddedPostgres({ dataDir: join(dataDir, "race") });
    const pool = new pg.Pool({ connectionString: server.url, max: 12 });
    try {
      // Unnamed statements with one, two and three parameters from many connections at once,
      // some with a parameter large enough to arrive in several network reads: each Parse
      // must be bound by its own connection's Bind, never by another's.
      const large = "x".repeat(200_000);
      const shapes = [
        { text: "SELECT $1::int AS a", values: (i: number) => [i] },
        { text: "SELECT $1::int + $2::int AS a", values: (i: number) => [i, 1] },
        {
          text: "SELECT $1::int + $2::int + length($3::text) - 200000 AS a",
          values: (i: number) => [i, 2, large],
        },
      ];
      const results = await Promise.all(
        Array.from({ length: 600 }, async (_, i) => {
          const shape = shapes[i % 3] ?? shapes[0];
          if (!shape) throw new Error("no shape");
          const { rows } = await pool.query<{ a: number }>(shape.text, shape.values(i));
          return rows[0]?.a === i + (i % 3);
        }),
      );
      expect(results.every(Boolean)).toBe(true);
    } finally {
      await pool.end();
      await server.stop();
    }
  });
});
