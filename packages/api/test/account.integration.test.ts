import { hashPassword, verifyPassword } from "@tradeoff/auth/password";
import { addMember, createTeam, createUser } from "@tradeoff/db/testing";
import { describe, expect, it } from "vitest";
import { trpcError, useTestDatabase } from "./helpers";

const t = useTestDatabase();

async function userWithPassword(password = "old-password-1") {
  return createUser(t.db, { name: "Pat", passwordHash: await hashPassword(password) });
}

describe("account.changePassword with a weak password", () => {
  it("refuses it with a sentence on the field and keeps the old password", async () => {
    const user = await userWithPassword();
    const error = await trpcError(
      t
        .callerAs(user)
        .account.changePassword({ currentPassword: "old-password-1", newPassword: "password1" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(error.cause)).toMatch(/too easy to guess/);
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword("old-password-1", stored.passwordHash ?? "")).toBe(true);
  });
});

describe("account.updateName", () => {
  it("changes the name and rejects an empty or over-long one", async () => {
    const user = await userWithPassword();
    expect(await t.callerAs(user).account.updateName({ name: "  Patricia  " })).toMatchObject({
      name: "Patricia",
    });
    for (const name of ["", "x".repeat(81)]) {
      expect((await trpcError(t.callerAs(user).account.updateName({ name }))).code).toBe(
        "BAD_REQUEST",
      );
    }
    expect((await t.callerAs(user).account.get()).name).toBe("Patricia");
  });
});

describe("account.ballotView", () => {
  it("starts as the list, remembers the matrix per member, and refuses an unknown layout", async () => {
    const pat = await userWithPassword();
    const sam = await createUser(t.db, { name: "Sam" });
    expect(await t.callerAs(pat).account.ballotView()).toEqual({ ballotView: "LIST" });
    expect(await t.callerAs(pat).account.setBallotView({ ballotView: "MATRIX" })).toEqual({
      ballotView: "MATRIX",
    });
    expect(await t.callerAs(pat).account.ballotView()).toEqual({ ballotView: "MATRIX" });
    // Another member's choice is their own.
    expect(await t.callerAs(sam).account.ballotView()).toEqual({ ballotView: "LIST" });
    const error = await trpcError(
      t.callerAs(pat).account.setBallotView({ ballotView: "GRID" as "LIST" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(error.cause)).toMatch(/Choose the ballot layout/);
    expect(await t.callerAs(pat).account.ballotView()).toEqual({ ballotView: "MATRIX" });
  });
});

describe("account.changePassword", () => {
  it("needs the current password, then signs out every session including this one", async () => {
    const user = await userWithPassword();
    const wrong = await trpcError(
      t
        .callerAs(user)
        .account.changePassword({ currentPassword: "nope", newPassword: "new-password-1" }),
    );
    expect(wrong.code).toBe("BAD_REQUEST");

    await t.callerAs(user).account.changePassword({
      currentPassword: "old-password-1",
      newPassword: "new-password-1",
    });
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword("new-password-1", stored.passwordHash ?? "")).toBe(true);
    expect(stored.tokenVersion).toBe(1);
    // The session that was in use (token version 0) no longer works; a new sign-in does.
    expect((await trpcError(t.callerAs(user).account.get())).code).toBe("UNAUTHORIZED");
    expect((await t.callerAs({ ...user, tokenVersion: 1 }).account.get()).id).toBe(user.id);
  });

  it("refuses a new password shorter than 8 characters, keeping the old one", async () => {
    const user = await userWithPassword();
    const error = await trpcError(
      t
        .callerAs(user)
        .account.changePassword({ currentPassword: "old-password-1", newPassword: "short" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword("old-password-1", stored.passwordHash ?? "")).toBe(true);
  });
});

describe("account.delete", () => {
  it("is refused while the user is a team's only owner, naming the team", async () => {
    const user = await userWithPassword();
    await createTeam(t.db, { ownerId: user.id, name: "Lonely Team" });
    const error = await trpcError(
      t.callerAs(user).account.delete({ confirmation: "old-password-1" }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/only owner of Lonely Team/);
    expect(await t.db.user.count({ where: { id: user.id } })).toBe(1);
  });

  it("needs the password, then removes the user from every team", async () => {
    const user = await userWithPassword();
    const owner = await createUser(t.db);
    const team = await createTeam(t.db, { ownerId: owner.id });
    await addMember(t.db, team.id, user.id, "ADMIN");
    expect((await trpcError(t.callerAs(user).account.delete({ confirmation: "wrong" }))).code).toBe(
      "BAD_REQUEST",
    );
    await t.callerAs(user).account.delete({ confirmation: "old-password-1" });
    expect(await t.db.user.count({ where: { id: user.id } })).toBe(0);
    expect(await t.db.membership.count({ where: { teamId: team.id } })).toBe(1);
    expect(await t.db.auditEvent.count({ where: { teamId: team.id, action: "member.left" } })).toBe(
      1,
    );
    // A session of the deleted account is signed out.
    expect((await trpcError(t.callerAs(user).team.list())).code).toBe("UNAUTHORIZED");
  });
});
