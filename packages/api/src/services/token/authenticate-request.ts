import type { SessionUser } from "@tradeoff/auth";
import type { PrismaClient } from "@tradeoff/db";
import { authenticateToken, bearerToken } from "./authenticate-token";

export type RequestAuth =
  | { kind: "none" }
  | { kind: "token"; user: SessionUser; scope: "READ" | "READ_WRITE" }
  | { kind: "refused"; response: Response };

const MESSAGES = {
  invalid: "This access token is not valid. Create a new one under Account > Access tokens.",
  revoked: "This access token was revoked. Create a new one under Account > Access tokens.",
  expired: "This access token has expired. Create a new one under Account > Access tokens.",
} as const;

/** An error in tRPC's wire format, so tRPC clients show its message. */
function trpcErrorResponse(
  status: 401 | 403,
  code: "UNAUTHORIZED" | "FORBIDDEN",
  message: string,
  requestId: string | undefined,
) {
  const body = {
    error: {
      message,
      code: status === 401 ? -32001 : -32003,
      data: { code, httpStatus: status, path: null, fieldErrors: null, requestId },
    },
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "www-authenticate": 'Bearer realm="tradeoff"' },
  });
}

/**
 * Resolves `Authorization: Bearer <token>` for the tRPC route. A bad, revoked or expired token
 * is refused outright (401), never treated as signed out. A read token may only query: tRPC
 * runs mutations over POST alone, so refusing every other method keeps it read-only. A refusal
 * carries `requestId` (the request's id in the logs) when one is given.
 */
export async function authenticateRequest(
  db: PrismaClient,
  req: Request,
  requestId?: string,
): Promise<RequestAuth> {
  const token = bearerToken(req.headers.get("authorization"));
  if (!token) return { kind: "none" };
  const auth = await authenticateToken(db, token);
  if ("error" in auth) {
    return {
      kind: "refused",
      response: trpcErrorResponse(401, "UNAUTHORIZED", MESSAGES[auth.error], requestId),
    };
  }
  if (auth.scope === "READ" && req.method !== "GET") {
    return {
      kind: "refused",
      response: trpcErrorResponse(
        403,
        "FORBIDDEN",
        "This access token can only read. Create a read-write token to vote or change things.",
        requestId,
      ),
    };
  }
  return { kind: "token", user: auth.user, scope: auth.scope };
}
