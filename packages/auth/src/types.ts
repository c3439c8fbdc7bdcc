import type { Database as PrismaClient } from "@tradeoff/db";
import type { DefaultSession } from "next-auth";

/** The slice of the database client authentication needs. */
export type AuthDatabase = PrismaClient;

/**
 * The signed-in user as every layer sees it. `sessionId` names the sign-in record of a browser
 * session (SignInSession): the API refuses the session once that record is gone. Without one
 * (an access token; a session issued before sign-in records), `tokenVersion`, User.tokenVersion
 * when it was issued, decides: the session is refused once the stored version has moved on.
 * `accessTokenId` names the personal access token a request was made with: each request checks
 * it afresh, and a long-lived stream opened with it ends once it is revoked or expires.
 */
export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  tokenVersion: number;
  sessionId?: string | null;
  accessTokenId?: string | null;
};

declare module "next-auth" {
  interface Session extends Omit<DefaultSession, "user"> {
    user: SessionUser;
  }
}
