import { z } from "zod";
import { emailSchema } from "./auth";
import { chosenIdSchema, idempotencyKeySchema } from "./id";
import { roleSchema, teamIdValueSchema } from "./team";

/** 32 random bytes in base64url: always 43 characters of A-Z, a-z, 0-9, "-" and "_". */
export const invitationTokenSchema = z
  .string({ error: "This invitation link is not valid." })
  .trim()
  .regex(/^[A-Za-z0-9_-]{43}$/, {
    error: "This invitation link is not valid. Check that you copied all of it.",
  });

export const createInvitationSchema = z.object({
  teamId: teamIdValueSchema,
  /** Empty or missing: an open link that anyone holding it can use once. */
  email: z
    .union([z.literal("").transform(() => null), z.null(), emailSchema], {
      error: "Enter an email address, or leave it empty for a link anyone holding it can use.",
    })
    .optional()
    .transform((value) => value ?? null),
  role: roleSchema.default("MEMBER"),
  expiresInDays: z
    .number({ error: "Choose how many days the invitation lasts." })
    .int({ error: "Use a whole number of days." })
    .min(1, { error: "An invitation lasts at least 1 day." })
    .max(30, { error: "An invitation lasts at most 30 days." })
    .default(7),
  /**
   * A key the form makes for each attempt (a UUID): sent again, it is refused with CONFLICT
   * naming the invitation already created (and emailed), since its link was shown once.
   */
  idempotencyKey: idempotencyKeySchema("this invitation"),
});
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;

export const invitationIdSchema = z.object({
  teamId: teamIdValueSchema,
  invitationId: chosenIdSchema("Choose an invitation.", "That invitation id is not valid."),
});
export type InvitationIdInput = z.infer<typeof invitationIdSchema>;

export const invitationTokenInput = z.object({ token: invitationTokenSchema });

/** What someone pasted on the first-sign-in page: a link, its path or the bare token. */
export const invitationLinkInput = z.object({
  link: z
    .string({ error: "Paste the invitation link a team admin sent you." })
    .max(2_000, { error: "This is too long for an invitation link. Paste only the link." }),
});
