import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../src/testing";
import { query } from "./support";

describe("createTestDatabase", () => {
  it("gives a migrated database that is gone after drop()", { timeout: 60_000 }, async () => {
    const test = await createTestDatabase();
    await test.db.user.create({ data: { email: "someone@example.test" } });
    expect(await test.db.user.count()).toBe(1);
    await test.drop();
    await test.drop(); // a second drop (e.g. from an exit handler) is harmless

    const server = process.env.TEST_DATABASE_URL;
    if (server) {
      const name = new URL(test.url).pathname.slice(1);
      expect(name).toMatch(/^tradeoff_test_[0-9a-f]{12}$/);
      const rows = await query(server, "SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      expect(rows).toEqual([]);
    } else {
      await expect(query(test.url, "SELECT 1")).rejects.toThrow();
    }
  });
});
