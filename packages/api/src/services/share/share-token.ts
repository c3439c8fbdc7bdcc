import { hashSecretToken, newSecretToken } from "../../domain/secret-token";

/** What a share link carries, never stored; the database keeps its hash. */
export const newShareToken = newSecretToken;
export const hashShareToken = hashSecretToken;
export const sharePath = (token: string) => `/share/${token}`;
