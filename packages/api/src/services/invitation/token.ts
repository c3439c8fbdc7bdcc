import { hashSecretToken, newSecretToken } from "../../domain/secret-token";

/** What an invitation link carries, never stored; the database keeps its hash. */
export const newInvitationToken = newSecretToken;
export const hashInvitationToken = hashSecretToken;

export const invitationPath = (token: string) => `/invite/${token}`;
