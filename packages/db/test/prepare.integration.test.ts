import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrationStatus } from "../src/migrate";
import { DatabaseUnreachableError, prepareDatabase } from "../src/prepare";

const fakeHash = async (plain: string) => `hashed:${plain}`;

describe("prepareDatabase", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it("rejects an unreachable DATABASE_URL with one line naming the server", async () => {
    const error = await prepareDatabase({
      databaseUrl: "postgres://user:secret@127.0.0.1:1/tradeoff",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnreachableError);
    const message = (error as Error).message;
    expect(message).toBe(
      "Cannot reach PostgreSQL at 127.0.0.1:1 (ECONNREFUSED). Check DATABASE_URL and that the server is running.",
    );
    expect(message).not.toContain("secret");
  });

  it("rejects a malformed DATABASE_URL clearly", async () => {
    await expect(prepareDatabase({ databaseUrl: "mysql://localhost/x" })).rejects.toThrow(
      "DATABASE_URL must start with postgres:// or postgresql://",
    );
  });

  it("without DATABASE_URL starts the embedded database, migrates and seeds it", {
    timeout: 60_000,
  }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "tradeoff-prepare-"));
    dirs.push(dataDir);
    const messages: string[] = [];
    const database = await prepareDatabase({
      databaseUrl: "",
      dataDir,
      log: (m) => messages.push(m),
      seed: { hashPassword: fakeHash },
    });
    try {
      expect(database.embedded).toBe(true);
      expect(database.seeded).toMatchObject({ created: true, email: "demo@tradeoff.dev" });
      expect(await migrationStatus(database.url)).toEqual({ pending: [] });
      expect(messages.join("\n")).toMatch(/Embedded PostgreSQL/);
    } finally {
      await database.stop();
    }
  });

  it.runIf(process.env.TEST_DATABASE_URL)("uses a reachable DATABASE_URL as is", async () => {
    const { createTestDatabase } = await import("../src/testing");
    const test = await createTestDatabase();
    try {
      const database = await prepareDatabase({ databaseUrl: test.url });
      expect(database).toMatchObject({ url: test.url, embedded: false });
      await database.stop();
    } finally {
      await test.drop();
    }
  });
});
