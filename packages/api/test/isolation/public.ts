/**
 * Procedures anyone may call without signing in, each with the reason it is safe. A public
 * procedure missing here fails the isolation sweep.
 */
export const publicProcedures: Record<string, string> = {
  "auth.signUp": "Creating an account is how a signed-out person starts; it reads no team data.",
  "invitation.preview":
    "The invitation token is the credential (256 random bits, stored hashed); it answers only the inviting team's name, the role and whether the link is still usable.",
  "share.view":
    "The share token is the credential (256 random bits, stored hashed); revoked or expired links answer NOT_FOUND, and individual votes are shown only when the link's creator chose so.",
};
