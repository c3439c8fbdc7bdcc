import { z } from "zod";
import { returnPath } from "../domain/return-path";
import { type PasswordOwner, weakPasswordMessage } from "./password-strength";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, { error: "That email address is too long." })
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

/** The fewest characters a new password may have (forms say so before anything is sent). */
export const PASSWORD_MIN_LENGTH = 8;

export const newPasswordSchema = z
  .string({ error: "Choose a password." })
  .min(PASSWORD_MIN_LENGTH, {
    error: `Use at least ${PASSWORD_MIN_LENGTH} characters for your password.`,
  })
  .max(200, { error: "Use at most 200 characters for your password." });

export const personNameSchema = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, { error: "Enter your name." })
  .max(80, { error: "Keep your name under 80 characters." });

/** A new password must also be hard to guess, counting the person's name and email as known. */
export function refineStrongPassword(
  password: string,
  owner: PasswordOwner,
  ctx: z.RefinementCtx,
  path: string,
) {
  const message = weakPasswordMessage(password, owner);
  if (message) ctx.addIssue({ code: "custom", path: [path], message });
}

/**
 * The page to come back to after signing in (a path on this site, as the sign-in page's
 * `callbackUrl`): an address that leads elsewhere is refused, not silently changed.
 */
export const returnPathSchema = z
  .string({ error: "The page to return to must be a path on this site, like /invite/abc." })
  .max(2000, { error: "The page to return to is too long: use at most 2,000 characters." })
  .refine((value) => value === "/" || returnPath(value) !== "/", {
    error: "The page to return to must be a path on this site, like /invite/abc.",
  })
  .transform((value) => returnPath(value));

export const signUpSchema = z
  .object({
    name: personNameSchema,
    email: emailSchema,
    password: newPasswordSchema,
    /** Where the person signed up from: the welcome email's sign-in link returns there. */
    returnPath: returnPathSchema.optional(),
  })
  .superRefine((input, ctx) =>
    refineStrongPassword(input.password, { name: input.name, email: input.email }, ctx, "password"),
  );
export type SignUpInput = z.infer<typeof signUpSchema>;
