import type { Database as PrismaClient } from "@tradeoff/db";
import type { DefaultSession } from "next-auth";

/** The slice of the database client authentication needs. */
export type AuthDatabase = PrismaClient;

/**
 * The signed-in user as every layer sees it. `tokenVersion` is User.tokenVersion when the
 * session was issued: the API refuses the session once the stored version has moved on.
 */
export type SessionUser = { id: string; email: string; name: string | null; tokenVersion: number };

declare module "next-auth" {
  interface Session extends Omit<DefaultSession, "user"> {
    user: SessionUser;
  }
}
