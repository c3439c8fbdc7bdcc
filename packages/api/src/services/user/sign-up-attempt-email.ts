import { accountEmail } from "./account-email";

/**
 * Tells an account's owner that someone tried to sign up with their address: sign-up itself
 * answers the same as for a new address, so this email is the only place that says so. Nothing
 * is sent when the account is gone or has no email.
 */
export const sendSignUpAttemptEmail = accountEmail({
  kind: "sign-up-attempt",
  subject: "Someone tried to sign up with your email address",
  lines: [
    "Someone tried to create a Tradeoff account with your email address. Your account was not changed.",
    "If it was you, sign in with your password instead.",
    "Sign in: {signIn}",
    "If it was not you, you need do nothing: no one can sign in without your password.",
  ],
});
