import { accountEmail } from "./account-email";

/**
 * Tells the owner of an address, right after they proved it with an emailed sign-in link, that
 * the password someone had set on the account before was removed and every earlier session
 * ended (see @tradeoff/auth address-proof.ts): otherwise the password would simply be gone.
 */
export const sendPasswordRemovedEmail = accountEmail({
  kind: "password-removed",
  subject: "The password of your Tradeoff account was removed",
  lines: [
    "You just signed in to Tradeoff with a link sent to this address, confirming it is yours for the first time.",
    "A password had been set on this account before the address was confirmed, so anyone could have set it. It was removed, and every earlier session and personal access token of the account was ended.",
    "Sign in with a link sent to this address, as you just did: {signIn}",
    "If you had set that password yourself, nothing else changed: your teams and decisions are as you left them.",
  ],
});
