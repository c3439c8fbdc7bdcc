import { createUser } from "@tradeoff/db/testing";
import { describe, expect, it } from "vitest";
import { AttemptLimitError } from "../src/errors";
import { startPasswordAttempt } from "../src/services/account/password-attempt";
import { useTestDatabase } from "./helpers";

const t = useTestDatabase();

/** `times` failed attempts by `sessionId` on `userId`'s password. */
async function fail(userId: string, sessionId: string | null, times: number) {
  for (let i = 0; i < times; i++) {
    const attempt = await startPasswordAttempt(t.db, { userId, sessionId }, "Refused.");
    await attempt.failed();
  }
}

describe("startPasswordAttempt", () => {
  it("refuses a session after five failures with the caller's sentence and the wait, while another session may still try", async () => {
    const user = await createUser(t.db);
    await fail(user.id, "session-a", 5);
    const refused = await startPasswordAttempt(
      t.db,
      { userId: user.id, sessionId: "session-a" },
      "Too many tries.",
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AttemptLimitError);
    expect(refused).toMatchObject({
      message: "Too many tries. Try again in 15 minutes.",
      retryAfter: expect.any(Number),
    });
    await expect(
      startPasswordAttempt(t.db, { userId: user.id, sessionId: "session-b" }, "Refused."),
    ).resolves.toMatchObject({ failed: expect.any(Function) });
  });

  it("starts a session's count again after a success", async () => {
    const user = await createUser(t.db);
    await fail(user.id, "session-a", 4);
    const attempt = await startPasswordAttempt(
      t.db,
      { userId: user.id, sessionId: "session-a" },
      "Refused.",
    );
    await attempt.succeeded();
    await fail(user.id, "session-a", 4);
    await expect(
      startPasswordAttempt(t.db, { userId: user.id, sessionId: "session-a" }, "Refused."),
    ).resolves.toMatchObject({ succeeded: expect.any(Function) });
  });

  it("counts sessions without a sign-in record together, per account", async () => {
    const user = await createUser(t.db);
    await fail(user.id, null, 5);
    await expect(
      startPasswordAttempt(t.db, { userId: user.id, sessionId: null }, "Refused."),
    ).rejects.toThrow(/^Refused\. Try again in/);
  });
});
