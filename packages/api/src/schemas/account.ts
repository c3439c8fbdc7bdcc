import { z } from "zod";
import { newPasswordSchema, personNameSchema } from "./auth";
import { chosenIdSchema } from "./id";

export const updateNameSchema = z.object({ name: personNameSchema });

/** A new password; its strength is checked with the account (its owner's name and email). */
export const changePasswordSchema = z.object({
  currentPassword: z
    .string({ error: "Enter your current password." })
    .min(1, { error: "Enter your current password." })
    .max(200, { error: "Enter your current password." }),
  newPassword: newPasswordSchema,
  /** Keep personal access tokens working; by default they are revoked with the old password. */
  keepTokens: z.boolean({ error: "Say whether to keep your access tokens." }).optional(),
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/**
 * A first password can be set only this soon after signing in: an account without a password
 * has no current password to ask for, so a fresh sign-in stands in for it.
 */
export const RECENT_SIGN_IN_MINUTES = 10;

/** A first password, for an account made without one; its strength is checked with the account. */
export const setPasswordSchema = z.object({
  newPassword: newPasswordSchema,
  /** Keep personal access tokens working; by default they are revoked, as on a change. */
  keepTokens: z.boolean({ error: "Say whether to keep your access tokens." }).optional(),
});
export type SetPasswordInput = z.infer<typeof setPasswordSchema>;

export const deleteAccountSchema = z.object({
  /** Required for accounts with a password; accounts without one confirm with their email. */
  confirmation: z
    .string({ error: "Confirm to delete your account." })
    .min(1, { error: "Confirm to delete your account." })
    .max(254, { error: "Confirm to delete your account." }),
});
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;

export const endSessionSchema = z.object({
  id: chosenIdSchema("Say which session to sign out.", "That is not a session id.").regex(
    /^[A-Za-z0-9_-]+$/,
    { error: "That is not a session id." },
  ),
});

export const ballotViewSchema = z.object({
  ballotView: z.enum(["LIST", "MATRIX"], {
    error: "Choose the ballot layout: LIST (one card per criterion) or MATRIX (one row each).",
  }),
});
