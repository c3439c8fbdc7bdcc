import { DomainError } from "../../errors";

type SignedIn = { id: string; email: string; name: string | null };

/**
 * A ballot is filled in for one member. When the browser signed in as someone else since the
 * page was opened (a shared laptop, another tab), the page would send its unsent edits with the
 * new person's session: refused here, saying who is signed in now and what to do, rather than
 * saving one person's choices as another's vote. Without `voterId` (scripts, the CLI) the vote
 * is the signed-in member's, as it always was.
 */
export function refuseOtherVoter(
  signedIn: SignedIn,
  credential: "session" | "token" | null,
  voterId: string | undefined,
) {
  if (voterId === undefined || voterId === signedIn.id) return;
  const who = signedIn.name ? `${signedIn.name} (${signedIn.email})` : signedIn.email;
  const first = signedIn.name ?? signedIn.email;
  const message =
    credential === "token"
      ? `Nothing was saved: this vote is for another account (voterId), and this access token belongs to ${who}. Leave voterId out to vote as ${first}, or use a token of the account the vote is for.`
      : `Nothing was saved: this ballot was filled in for another account, and ${who} is signed in on this browser now. Reload the page to vote as ${first}, or sign in again as the person who filled it in to send their votes.`;
  throw new DomainError("CONFLICT", message, { voterId: [message] });
}
