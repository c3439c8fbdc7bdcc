import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { JOB_QUEUES } from "../src/jobs";
import { defaultPrismaPaths, migrationStatus } from "../src/migrate";
import { createServerDatabase, createTestDatabase } from "../src/testing";
import { query, withExtraMigration } from "./support";

const server = process.env.TEST_DATABASE_URL;

describe("createTestDatabase", () => {
  it("gives a migrated database that is gone after drop()", { timeout: 60_000 }, async () => {
    const test = await createTestDatabase();
    await test.db.user.create({ data: { email: "someone@example.test" } });
    expect(await test.db.user.count()).toBe(1);
    await test.drop();
    await test.drop(); // a second drop (e.g. from an exit handler) is harmless

    if (server) {
      const name = new URL(test.url).pathname.slice(1);
      expect(name).toMatch(/^tradeoff_test_[0-9a-f]{12}$/);
      const rows = await query(server, "SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      expect(rows).toEqual([]);
    } else {
      await expect(query(test.url, "SELECT 1")).rejects.toThrow();
    }
  });

  it.skipIf(!server)(
    "on a server, copies each database from a template of today's migrations that nobody writes to",
    { timeout: 60_000 },
    async () => {
      const first = await createTestDatabase();
      await first.db.user.create({ data: { email: "first@example.test" } });
      const second = await createTestDatabase();
      try {
        // The copy has every migration and none of another test database's rows.
        expect(await migrationStatus(second.url)).toEqual({ pending: [] });
        const queues = await query<{ name: string }>(second.url, "SELECT name FROM pgboss.queue");
        expect(queues.map((queue) => queue.name).sort()).toEqual(Object.values(JOB_QUEUES).sort());
        expect(await second.db.user.count()).toBe(0);

        const templates = await query<{ datname: string; datallowconn: boolean }>(
          server as string,
          "SELECT datname, datallowconn FROM pg_database WHERE datistemplate AND datname LIKE 'tradeoff_template_%'",
        );
        expect(templates.length).toBeGreaterThan(0);
        // Closed to connections: a test cannot write to it by mistake, and a copy never waits
        // for someone connected to it.
        expect(templates.every((template) => !template.datallowconn)).toBe(true);
      } finally {
        await first.drop();
        await second.drop();
      }
    },
  );

  it.skipIf(!server)(
    "waits for a connection still closing when the test ends, and cuts one left open, naming it",
    { timeout: 60_000 },
    async () => {
      const errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
      try {
        const closing = await createTestDatabase();
        const worker = new pg.Client({ connectionString: closing.url, application_name: "worker" });
        const workerErrors: unknown[] = [];
        worker.on("error", (error) => workerErrors.push(error));
        await worker.connect();
        // The worker finishes its last statement and closes 300 ms after the drop began.
        const finishing = new Promise((resolve) => setTimeout(resolve, 300)).then(async () => {
          await worker.query("SELECT 1");
          await worker.end();
        });
        await closing.drop();
        await finishing;
        expect(workerErrors).toEqual([]);
        expect(errorLog).not.toHaveBeenCalled();

        const leaking = await createTestDatabase();
        const leaked = new pg.Client({ connectionString: leaking.url, application_name: "leak" });
        const cut = new Promise((resolve) => leaked.on("error", resolve));
        await leaked.connect();
        await leaking.drop();
        expect(String(await cut)).toContain("terminating connection");
        expect(errorLog).toHaveBeenCalledWith(
          expect.stringMatching(
            /1 connection\(s\) still open after 5000 ms, cut to drop it: leak, idle after /,
          ),
        );
      } finally {
        errorLog.mockRestore();
      }
    },
  );
});

describe("createServerDatabase, when it cannot create a database, says why and what to do", () => {
  it("a server that does not answer: start it or set the variable to one that runs", async () => {
    const creating = createServerDatabase("postgres://postgres@127.0.0.1:1/postgres", {
      name: "TEST_DATABASE_URL",
      prefix: "tradeoff_test",
    });
    await expect(creating).rejects.toThrow(
      /^Cannot create a database on the PostgreSQL server at 127\.0\.0\.1:1 \(.*ECONNREFUSED.*\)\. Start the server or set TEST_DATABASE_URL to one that runs\.$/,
    );
  });

  it.skipIf(!server)(
    "a role that may not create databases: grant CREATEDB, not start the server",
    { timeout: 60_000 },
    async () => {
      const role = `tradeoff_no_createdb_${randomBytes(4).toString("hex")}`;
      await query(server as string, `CREATE ROLE "${role}" LOGIN NOCREATEDB`);
      try {
        const url = new URL(server as string);
        url.username = role;
        const creating = createServerDatabase(url.toString(), {
          name: "TEST_DATABASE_URL",
          prefix: "tradeoff_test",
        });
        await expect(creating).rejects.toThrow(
          /refused to create a test database \(permission denied to create database; SQLSTATE 42501\)\. Give its role the CREATEDB privilege, or set TEST_DATABASE_URL to a server where it has it\.$/,
        );
      } finally {
        await query(server as string, `DROP ROLE "${role}"`);
      }
    },
  );

  it.skipIf(!server)(
    "a migration that fails: names it and says the server is reachable, and leaves no half-built template",
    { timeout: 60_000 },
    async () => {
      await withExtraMigration(
        "20991231000000_broken",
        "ALTER TABLE no_such_table ADD COLUMN x int;\n",
        async (migrationsDir) => {
          const creating = createServerDatabase(server as string, {
            name: "TEST_DATABASE_URL",
            prefix: "tradeoff_test",
            paths: { schemaFile: defaultPrismaPaths().schemaFile, migrationsDir },
          });
          const error = await creating.then(
            () => null,
            (reason: Error) => reason,
          );
          expect(error?.message).toBe(
            `A migration failed while the test databases' template was built on the PostgreSQL server at ${new URL(server as string).host}: Migration 20991231000000_broken failed: No such table: no_such_table\nThe server is reachable; fix the migration and run the tests again.`,
          );
          expect(error?.message).not.toContain("Start the server");
        },
      );
      const building = await query<{ datname: string }>(
        server as string,
        "SELECT datname FROM pg_database WHERE datname LIKE 'tradeoff_template_%_building'",
      );
      expect(building).toEqual([]);
    },
  );
});
