import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes, base64url (43 characters): what the link carries, never stored. */
export const newInvitationToken = () => randomBytes(32).toString("base64url");

/** What the database keeps: a leaked table cannot be turned back into working links. */
export const hashInvitationToken = (token: string) =>
  createHash("sha256").update(token).digest("hex");

export const invitationPath = (token: string) => `/invite/${token}`;
