import { createUser } from "@tradeoff/db/testing";
import { describe, expect, it } from "vitest";
import { AttemptLimitError } from "../src/errors";
import { startPasswordAttempt } from "../src/services/account/password-attempt";
import { useTestDatabase } from "./helpers";

const t = useTestDatabase();

/** An attempt at `userId`'s password from `sessionId`, refused past a limit with `refusal`. */
const start = (userId: string, sessionId: string | null, refusal = "Refused.") =>
  startPasswordAttempt(t.db, { userId, sessionId }, refusal);

/** `times` failed attempts by `sessionId` on `userId`'s password. */
async function fail(userId: string, sessionId: string | null, times: number) {
  for (let i = 0; i < times; i++) await (await start(userId, sessionId)).failed();
}

describe("startPasswordAttempt", () => {
  it("refuses a session after five failures with the caller's sentence and the wait, while another session may still try", async () => {
    const user = await createUser(t.db);
    await fail(user.id, "session-a", 5);
    const refused = await start(user.id, "session-a", "Too many tries.").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AttemptLimitError);
    expect(refused).toMatchObject({
      message: "Too many tries. Try again in 15 minutes.",
      retryAfter: expect.any(Number),
    });
    await expect(start(user.id, "session-b")).resolves.toMatchObject({
      failed: expect.any(Function),
    });
  });

  it("starts a session's count again after a success", async () => {
    const user = await createUser(t.db);
    await fail(user.id, "session-a", 4);
    await (await start(user.id, "session-a")).succeeded();
    await fail(user.id, "session-a", 4);
    await expect(start(user.id, "session-a")).resolves.toMatchObject({
      succeeded: expect.any(Function),
    });
  });

  it("counts sessions without a sign-in record together, per account", async () => {
    const user = await createUser(t.db);
    await fail(user.id, null, 5);
    await expect(start(user.id, null)).rejects.toThrow(/^Refused\. Try again in/);
  });
});
