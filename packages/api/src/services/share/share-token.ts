import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes, base64url (43 characters): what the link carries, never stored. */
export const newShareToken = () => randomBytes(32).toString("base64url");
export const hashShareToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const sharePath = (token: string) => `/share/${token}`;
