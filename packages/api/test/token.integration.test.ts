import { describe, expect, it } from "vitest";
import { authenticateToken, bearerToken } from "../src/services/token/authenticate-token";
import { REVOKED_TOKENS_PAGE } from "../src/services/token/list-tokens";
import { onceOfTwo, trpcError, useTestDatabase } from "./helpers";
import { teamWith } from "./project-fixtures";
import { itWithLocks, onceBehindLock } from "./row-lock";

const t = useTestDatabase();

describe("personal access tokens", () => {
  it("are shown once, stored hashed, and name the user they act for", async () => {
    const { owner } = await teamWith(t);
    const created = await owner.api.token.create({ name: "laptop CLI", scope: "READ_WRITE" });
    expect(created.token).toMatch(/^tro_[A-Za-z0-9_-]{43}$/);
    const row = await t.db.personalAccessToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).not.toContain(created.token.slice(4));
    expect(JSON.stringify(await owner.api.token.list())).not.toContain(created.token);

    const auth = await authenticateToken(t.db, created.token);
    expect(auth).toMatchObject({ scope: "READ_WRITE", user: { id: owner.id } });
    const [listed] = (await owner.api.token.list()).active;
    expect(listed?.lastUsedAt).not.toBeNull();
  });

  it("are created once per idempotency key: a repeat says the token exists, shown once", async () => {
    const { owner } = await teamWith(t);
    const key = "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a";
    const input = { name: "laptop CLI", scope: "READ" as const, idempotencyKey: key };
    const { created, refused } = await onceOfTwo(() => owner.api.token.create(input));
    expect(refused).toMatchObject({
      code: "CONFLICT",
      message: `The token “laptop CLI” (${created.prefix}…) was already created by an earlier attempt; its secret is shown only once and cannot be shown again. Revoke it if you did not copy it, and create a new one.`,
    });
    // A retry after a lost answer is refused the same way; nothing more is written.
    expect((await trpcError(owner.api.token.create(input))).code).toBe("CONFLICT");
    expect(await t.db.personalAccessToken.count({ where: { userId: owner.id } })).toBe(1);
    // A new attempt (a new key) creates another token; a key that is no UUID is refused.
    await owner.api.token.create({
      ...input,
      idempotencyKey: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
    });
    expect(await t.db.personalAccessToken.count({ where: { userId: owner.id } })).toBe(2);
    const notUuid = await trpcError(owner.api.token.create({ ...input, idempotencyKey: "t-1" }));
    expect(notUuid.code).toBe("BAD_REQUEST");
  });

  itWithLocks("stop at 50 active ones even when the last two are asked for at once", async () => {
    const { owner } = await teamWith(t);
    await t.db.personalAccessToken.createMany({
      data: Array.from({ length: 49 }, (_, i) => ({
        userId: owner.id,
        name: `script ${i + 1}`,
        scope: "READ" as const,
        tokenHash: `hash-of-token-${owner.id}-${i}`,
        prefix: `tro_${String(i).padStart(6, "0")}`,
      })),
    });
    // The account busy with a change of its own while both requests arrive.
    const refused = await onceBehindLock(
      t.db,
      "users",
      owner.id,
      ["one", "two"].map((name) => () => owner.api.token.create({ name, scope: "READ" })),
    );
    expect(refused).toMatchObject({
      code: "CONFLICT",
      message: "You have 50 active tokens: revoke one you no longer use.",
    });
    expect(await t.db.personalAccessToken.count({ where: { userId: owner.id } })).toBe(50);
  });

  it("stop working at once when revoked or expired", async () => {
    const { owner } = await teamWith(t);
    const created = await owner.api.token.create({ name: "ci", scope: "READ", expiresInDays: 1 });
    await owner.api.token.revoke({ tokenId: created.id });
    expect(await authenticateToken(t.db, created.token)).toEqual({ error: "revoked" });

    const later = await owner.api.token.create({ name: "ci 2", scope: "READ", expiresInDays: 1 });
    expect(
      await authenticateToken(t.db, later.token, new Date(Date.now() + 2 * 86_400_000)),
    ).toEqual({ error: "expired" });
    expect(await authenticateToken(t.db, "tro_made-up")).toEqual({ error: "invalid" });
  });

  it("cannot be listed or revoked by someone else", async () => {
    const a = await teamWith(t);
    const b = await teamWith(t);
    const created = await a.owner.api.token.create({ name: "mine", scope: "READ" });
    expect(await b.owner.api.token.list()).toMatchObject({ active: [], revoked: [] });
    expect((await trpcError(b.owner.api.token.revoke({ tokenId: created.id }))).code).toBe(
      "NOT_FOUND",
    );
    expect(await authenticateToken(t.db, created.token)).toMatchObject({ scope: "READ" });
  });

  it("list the active ones, and the revoked ones a page at a time with how many in all", async () => {
    const { owner } = await teamWith(t);
    const kept = await owner.api.token.create({ name: "kept", scope: "READ" });
    const REVOKED = REVOKED_TOKENS_PAGE + 2;
    for (let i = 1; i <= REVOKED; i++) {
      const made = await owner.api.token.create({ name: `old ${i}`, scope: "READ" });
      await owner.api.token.revoke({ tokenId: made.id });
    }
    const first = await owner.api.token.list();
    expect(first.active.map((x) => x.id)).toEqual([kept.id]);
    expect(first.revokedTotal).toBe(REVOKED);
    expect(first.revoked).toHaveLength(REVOKED_TOKENS_PAGE);
    // The most recently revoked first.
    expect(first.revoked[0]?.name).toBe(`old ${REVOKED}`);
    const next = await owner.api.token.list({ cursor: first.nextCursor });
    expect(next.nextCursor).toBeNull();
    const names = [...first.revoked, ...next.revoked].map((x) => x.name);
    expect(new Set(names).size).toBe(REVOKED);
    expect(names.at(-1)).toBe("old 1");
  });

  it("read the Authorization header only in its Bearer form", () => {
    expect(bearerToken("Bearer tro_abc")).toBe("tro_abc");
    expect(bearerToken("bearer  tro_abc ")).toBe("tro_abc");
    expect(bearerToken("Basic dXNlcjpwdw==")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });
});
