import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes, base64url (43 characters): what a link or token carries, never stored. */
export const newSecretToken = () => randomBytes(32).toString("base64url");

/** What the database keeps of one: a leaked table cannot be turned back into working tokens. */
export const hashSecretToken = (token: string) => createHash("sha256").update(token).digest("hex");
