import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  defaultPrismaPaths,
  listMigrations,
  migrateDatabase,
  migrationStatus,
} from "../src/migrate";
import { emptyDatabase, query, withExtraMigration } from "./support";

describe("migrateDatabase", () => {
  let database: Awaited<ReturnType<typeof emptyDatabase>>;
  const { migrationsDir } = defaultPrismaPaths();

  beforeAll(async () => {
    database = await emptyDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("reports every migration as pending on a fresh database", async () => {
    const all = await listMigrations(migrationsDir);
    expect(all.length).toBeGreaterThan(0);
    expect(await migrationStatus(database.url)).toEqual({ pending: all });
  });

  it("applies the migrations and records them as prisma migrate deploy does", async () => {
    const messages: string[] = [];
    const started = performance.now();
    const { applied } = await migrateDatabase(database.url, { log: (m) => messages.push(m) });
    const ms = performance.now() - started;
    console.log(`migrate on a fresh database: ${Math.round(ms)} ms`);

    const names = await listMigrations(migrationsDir);
    expect(applied).toEqual(names);
    // A new database's whole history is said by its ends, not 38 names in one line.
    expect(messages).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Applied ${names.length} migrations \\(${names[0]} to ${names.at(-1)}\\) in \\d+ ms\\.$`,
        ),
      ),
    ]);

    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
    }>(
      database.url,
      "SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name",
    );
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = await readFile(join(migrationsDir, row.migration_name, "migration.sql"));
      // Same checksum as the native engine: SHA-256 of the file, so migrate deploy sees them as applied.
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }

    const tables = await query<{ tablename: string }>(
      database.url,
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    expect(tables.map((t) => t.tablename)).toEqual(
      expect.arrayContaining([
        "users",
        "accounts",
        "sessions",
        "verification_tokens",
        "teams",
        "memberships",
      ]),
    );
    expect(await migrationStatus(database.url)).toEqual({ pending: [] });
  });

  it("does nothing when applied a second time", async () => {
    const before = await query(
      database.url,
      "SELECT id, finished_at FROM _prisma_migrations ORDER BY id",
    );
    const { applied } = await migrateDatabase(database.url);
    expect(applied).toEqual([]);
    const after = await query(
      database.url,
      "SELECT id, finished_at FROM _prisma_migrations ORDER BY id",
    );
    expect(after).toEqual(before);
  });

  it("names each migration of an upgrade that applies a few", async () => {
    try {
      const messages = await withExtraMigration(
        "20991231000000_extra_table",
        "CREATE TABLE extra_table (id int);\n",
        async (migrationsDir) => {
          const logged: string[] = [];
          await migrateDatabase(database.url, { migrationsDir, log: (m) => logged.push(m) });
          return logged;
        },
      );
      expect(messages).toEqual([
        expect.stringMatching(/^Applied 1 migration \(20991231000000_extra_table\) in \d+ ms\.$/),
      ]);
    } finally {
      await query(database.url, "DROP TABLE IF EXISTS extra_table");
      await query(
        database.url,
        "DELETE FROM _prisma_migrations WHERE migration_name = '20991231000000_extra_table'",
      );
    }
  });

  it("names a migration that fails and why, without the engine's trace, and refuses to go on", async () => {
    try {
      await withExtraMigration(
        "20991231000000_broken",
        "ALTER TABLE no_such_table ADD COLUMN x int;\n",
        async (migrationsDir) => {
          await expect(migrateDatabase(database.url, { migrationsDir })).rejects.toThrow(
            /^Migration 20991231000000_broken failed: No such table: no_such_table$/,
          );
          // The failure is recorded, as prisma migrate deploy records it: the next run stops
          // there and says which migration to resolve.
          await expect(migrateDatabase(database.url, { migrationsDir })).rejects.toThrow(
            /The `20991231000000_broken` migration started at .* failed/,
          );
        },
      );
    } finally {
      await query(
        database.url,
        "DELETE FROM _prisma_migrations WHERE migration_name = '20991231000000_broken'",
      );
    }
  });
});
