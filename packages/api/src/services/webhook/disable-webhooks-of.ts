import type { Prisma } from "@tradeoff/db";

/** Why the person who created a team's webhooks may no longer stand behind them. */
export type WebhookAuthorGone = "removed" | "left" | "demoted" | "account_deleted";

const what: Record<WebhookAuthorGone, string> = {
  removed: "was removed from the team",
  left: "left the team",
  demoted: "is no longer an admin",
  account_deleted: "deleted their account",
};

/**
 * Turns off the enabled webhooks `userId` created in the team, inside `tx` (the team locked by
 * the caller), and answers how many. A webhook sends the team's events to an address its
 * creator chose: once they leave or lose the admin role, it would go on sending them there.
 * The webhook and its delivery log stay; its reason says why it is off, and another admin turns
 * it back on (`updateWebhook`) once they have checked where it sends.
 */
export async function disableWebhooksOf(
  tx: Prisma.TransactionClient,
  input: { teamId: string; userId: string; why: WebhookAuthorGone },
): Promise<number> {
  const author = await tx.user.findUnique({
    where: { id: input.userId },
    select: { name: true, email: true },
  });
  const who = author?.name || author?.email || "someone";
  const now = new Date();
  const { count } = await tx.webhook.updateMany({
    where: { teamId: input.teamId, createdById: input.userId, enabled: true },
    data: {
      enabled: false,
      disabledReason: `Turned off on ${now.toISOString()}: ${who}, who created it, ${what[input.why]}. Another admin can turn it back on after checking where it sends.`,
    },
  });
  return count;
}
