import { describe, expect, it } from "vitest";
import { DatabaseUrlError, parseDatabaseUrl } from "../src/client";

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
