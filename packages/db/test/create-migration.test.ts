import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createMigration,
  defaultPrismaPaths,
  listMigrations,
  migrationSlug,
  SNAPSHOT_FILE,
} from "../src/migrate";

describe("createMigration", () => {
  let dir: string;
  let paths: { schemaFile: string; migrationsDir: string };

  beforeEach(async () => {
    // A copy of the prisma folder, so the repository's migrations are never touched.
    dir = await mkdtemp(join(tmpdir(), "tradeoff-prisma-"));
    const repo = defaultPrismaPaths();
    await cp(repo.schemaFile, join(dir, "schema.prisma"));
    await cp(repo.migrationsDir, join(dir, "migrations"), { recursive: true });
    paths = { schemaFile: join(dir, "schema.prisma"), migrationsDir: join(dir, "migrations") };
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("says there is nothing to do when the schema matches the last migration", async () => {
    const messages: string[] = [];
    const before = await readdir(paths.migrationsDir);
    const result = await createMigration("nothing", { ...paths, log: (m) => messages.push(m) });
    expect(result).toEqual({ created: false });
    expect(messages.join("\n")).toMatch(/nothing to do/i);
    expect(await readdir(paths.migrationsDir)).toEqual(before);
  });

  it("writes the SQL for a schema change and updates the snapshot", async () => {
    const schema = await readFile(paths.schemaFile, "utf8");
    const changed = schema.replace(
      "  slug      String   @unique\n",
      '  slug      String   @unique\n  description String? @map("description")\n',
    );
    expect(changed).not.toBe(schema);
    await writeFile(paths.schemaFile, changed);
    const existing = await listMigrations(paths.migrationsDir);

    const result = await createMigration("Add team description", {
      ...paths,
      now: new Date("2099-01-02T03:04:05Z"),
    });

    expect(result.created).toBe(true);
    if (!result.created) return;
    expect(result.name).toBe("20990102030405_add_team_description");
    expect(result.sql).toContain('ALTER TABLE "teams" ADD COLUMN     "description" TEXT;');
    expect(await listMigrations(paths.migrationsDir)).toEqual([...existing, result.name]);
    expect(await readFile(join(result.dir, "migration.sql"), "utf8")).toBe(result.sql);
    expect(await readFile(join(paths.migrationsDir, SNAPSHOT_FILE), "utf8")).toBe(changed);

    // Running it again finds nothing new.
    expect(await createMigration("again", paths)).toEqual({ created: false });
  });

  it("names migration folders like Prisma does", () => {
    expect(migrationSlug("Add team description")).toBe("add_team_description");
    expect(() => migrationSlug("!!")).toThrow(/not a usable migration name/);
  });
});
