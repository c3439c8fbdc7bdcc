import type { PrismaClient } from "@tradeoff/db";
import { DomainError } from "../../errors";
import { statusMessages } from "./invitation-status";
import { previewInvitation } from "./preview-invitation";
import { invitationPath } from "./token";

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const INVITE_PATH = /^\/invite\/([^/?#]+)\/?$/;

const refuse = (message: string) => new DomainError("BAD_REQUEST", message, { link: [message] });

/**
 * The token inside what someone pasted: a whole invitation link of this server, its path
 * (`/invite/…`), or the bare token. A link to another site is refused rather than followed.
 */
export function tokenOfPastedLink(pasted: string, appUrl: string | null): string {
  const text = pasted.trim();
  if (text === "") throw refuse("Paste the invitation link a team admin sent you.");
  if (TOKEN.test(text)) return text;
  let path: string;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw refuse("This is not a link. Paste the whole invitation link, starting with https://.");
    }
    if (appUrl && url.origin !== new URL(appUrl).origin) {
      throw refuse(
        `This link points to ${url.host}, not to this Tradeoff (${new URL(appUrl).host}). Paste a link that starts with ${new URL(appUrl).origin}/invite/.`,
      );
    }
    path = url.pathname;
  } else if (text.startsWith("/")) {
    path = text.split(/[?#]/)[0] ?? text;
  } else {
    throw refuse(
      "This does not look like an invitation link. It starts with https:// and contains /invite/.",
    );
  }
  const token = INVITE_PATH.exec(path)?.[1];
  if (!token) {
    throw refuse(
      "This link is not an invitation: an invitation link contains /invite/ followed by a code.",
    );
  }
  if (!TOKEN.test(token)) {
    throw refuse(
      "This invitation link is cut short or altered. Copy the whole link again, or ask for a new one.",
    );
  }
  return token;
}

/**
 * Checks a pasted invitation link before anyone joins with it: where it leads, and whether it can
 * still be used. Answers the team's name, the role and the page that accepts it.
 */
export async function readInvitationLink(
  db: PrismaClient,
  input: { link: string; userId: string; appUrl: string | null },
) {
  const token = tokenOfPastedLink(input.link, input.appUrl);
  let preview: Awaited<ReturnType<typeof previewInvitation>>;
  try {
    preview = await previewInvitation(db, { token, userId: input.userId });
  } catch (error) {
    if (error instanceof DomainError && error.kind === "NOT_FOUND") {
      throw refuse(
        "No invitation has this link. Check that you copied all of it, or ask a team admin for a new one.",
      );
    }
    throw error;
  }
  // A member of the team is sent to it, whatever became of the link (they may have used it).
  if (preview.status !== "valid" && !preview.alreadyMember) {
    throw refuse(statusMessages[preview.status]);
  }
  return {
    path: invitationPath(token),
    teamName: preview.teamName,
    teamSlug: preview.teamSlug,
    role: preview.role,
    expiresAt: preview.expiresAt,
    alreadyMember: preview.alreadyMember,
  };
}
