import { hashPassword, verifyPassword } from "@tradeoff/auth/password";
import type { PrismaClient } from "@tradeoff/db";
import { DomainError, notFound } from "../../errors";

/**
 * Sets a new password after checking the current one, and ends every session (this one too):
 * whoever might know the old password is signed out on their next request.
 */
export async function changePassword(
  db: PrismaClient,
  input: { userId: string; currentPassword: string; newPassword: string },
) {
  const user = await db.user.findUnique({
    where: { id: input.userId },
    select: { passwordHash: true },
  });
  if (!user) throw notFound("Account");
  if (!user.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    const message = "That is not your current password.";
    throw new DomainError("BAD_REQUEST", message, { currentPassword: [message] });
  }
  await db.user.update({
    where: { id: input.userId },
    data: { passwordHash: await hashPassword(input.newPassword), tokenVersion: { increment: 1 } },
  });
  return { signedOut: true };
}
