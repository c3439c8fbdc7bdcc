import { createHash, randomBytes } from "node:crypto";

/** Personal access tokens start with this, so secret scanners and people recognise them. */
export const TOKEN_PREFIX = "tro_";

/** 32 random bytes, base64url, after the prefix: shown once, never stored. */
export const newAccessToken = () => `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;

/** What the database keeps: a leaked table cannot be turned back into working tokens. */
export const hashAccessToken = (token: string) => createHash("sha256").update(token).digest("hex");
