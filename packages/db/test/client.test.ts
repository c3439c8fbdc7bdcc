import { describe, expect, it } from "vitest";
import { DatabaseUrlError, parseDatabaseUrl, readPoolSize } from "../src/client";

describe("parseDatabaseUrl", () => {
  it("accepts postgres and postgresql URLs", () => {
    expect(parseDatabaseUrl("postgres://u:p@db.example.com:5432/app").hostname).toBe(
      "db.example.com",
    );
    expect(parseDatabaseUrl("postgresql://localhost/app").hostname).toBe("localhost");
  });

  it("explains a missing or malformed DATABASE_URL", () => {
    expect(() => parseDatabaseUrl(undefined)).toThrow(DatabaseUrlError);
    expect(() => parseDatabaseUrl(undefined)).toThrow("DATABASE_URL is not set");
    expect(() => parseDatabaseUrl("not a url")).toThrow("DATABASE_URL is not a valid URL");
    expect(() => parseDatabaseUrl("mysql://localhost/app")).toThrow(
      "DATABASE_URL must start with postgres:// or postgresql://",
    );
  });
});

describe("DATABASE_POOL_SIZE", () => {
  it("defaults to 10 and takes a whole number of connections", () => {
    expect(readPoolSize({})).toBe(10);
    expect(readPoolSize({ DATABASE_POOL_SIZE: " " })).toBe(10);
    expect(readPoolSize({ DATABASE_POOL_SIZE: "25" })).toBe(25);
    expect(readPoolSize({ DATABASE_POOL_SIZE: " 1 " })).toBe(1);
  });

  it("refuses anything else instead of quietly using 10", () => {
    for (const value of ["abc", "0", "1.5", "-3", "1e2", "10001"]) {
      expect(() => readPoolSize({ DATABASE_POOL_SIZE: value }), value).toThrow(
        `DATABASE_POOL_SIZE must be a whole number of connections from 1 to 10000, such as 10 (got "${value}").`,
      );
    }
  });
});
