import {
  appRouter,
  createContextInner,
  DATABASE_UNAVAILABLE_MESSAGE,
  internalErrorMessage,
  isDatabaseUnavailable,
  type ProcedureCall,
} from "@tradeoff/api";
import {
  bodyLimitFor,
  bodyTooLargeMessage,
  DEFAULT_BODY_BYTES,
  declaredTooLarge,
  requestIdFrom,
} from "@tradeoff/api/rest";
import { authenticateRequest } from "@tradeoff/api/server";
import { clientAddress } from "@tradeoff/auth/client-address";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { authEnv, historyEnv } from "~/env";
import { db } from "./db";
import { emailConfigured } from "./jobs";
import { signUpLimiter } from "./limits";
import { logger } from "./logger";
import { metrics } from "./metrics";
import { appOrigin, isOwnOrigin } from "./origin";
import { ensureRealtime } from "./realtime";
import { checkRequestInput } from "./request-input";
import { sessionClaimsFromRequest } from "./session";

/**
 * A refusal in tRPC's wire format (one entry per call of a batch), so the page shows its
 * sentence like any other error of the API.
 */
function refuse(req: Request, status: 403 | 415, message: string, requestId: string) {
  const code = status === 415 ? "UNSUPPORTED_MEDIA_TYPE" : "FORBIDDEN";
  const url = new URL(req.url);
  const paths = url.pathname.replace(/^\/api\/trpc\/?/, "").split(",");
  const errors = paths.map((path) => ({
    error: {
      message,
      code: status === 415 ? -32415 : -32003,
      data: { code, httpStatus: status, path, fieldErrors: null, requestId },
    },
  }));
  const batched = url.searchParams.get("batch") === "1";
  return Response.json(batched ? errors : errors[0], { status });
}

const FOREIGN_ORIGIN =
  "This change came from another site, so it was refused. Open Tradeoff at its own address and try again.";

/**
 * Cross-site request forgery guard for mutations (tRPC sends them as POST with a JSON body).
 * A browser always sends Origin on a POST, so a foreign Origin (or a cross-site Fetch Metadata
 * header) is refused; a JSON content type cannot be sent cross-site without a CORS preflight,
 * which this app never grants. Clients without Origin (the CLI, scripts) are not browsers.
 */
function guardMutation(req: Request, requestId: string): Response | null {
  if (req.method !== "POST") return null;
  const contentType = req.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(contentType)) {
    return refuse(req, 415, "Send requests to this API as JSON.", requestId);
  }
  const origin = req.headers.get("origin");
  if (origin && !isOwnOrigin(origin, req)) return refuse(req, 403, FOREIGN_ORIGIN, requestId);
  const site = req.headers.get("sec-fetch-site");
  if (!origin && site && site !== "same-origin" && site !== "none") {
    return refuse(req, 403, FOREIGN_ORIGIN, requestId);
  }
  return null;
}

/**
 * A failure before tRPC took the request (resolving an access token, opening the live
 * listener), answered as tRPC answers its own: the same 503 sentence while the database is down,
 * otherwise a generic 500; both in tRPC's wire format with the request id, and logged.
 */
function failedBeforeApi(error: unknown, requestId: string, log: () => typeof logger): Response {
  const unavailable = isDatabaseUnavailable(error);
  if (unavailable) log().warn({ path: null }, "database unavailable");
  else log().error({ err: error }, "request failed before reaching the API");
  return unavailable
    ? errorResponse("SERVICE_UNAVAILABLE", 503, DATABASE_UNAVAILABLE_MESSAGE, requestId)
    : errorResponse("INTERNAL_SERVER_ERROR", 500, internalErrorMessage(requestId), requestId);
}

/** An error in tRPC's wire format, so its clients (the web app, the CLI) show the message. */
function errorResponse(
  code:
    | "BAD_REQUEST"
    | "UNAUTHORIZED"
    | "PAYLOAD_TOO_LARGE"
    | "INTERNAL_SERVER_ERROR"
    | "SERVICE_UNAVAILABLE",
  httpStatus: 400 | 401 | 413 | 500 | 503,
  message: string,
  requestId: string,
): Response {
  const data = { code, httpStatus, path: null, fieldErrors: null, requestId };
  return Response.json(
    { error: { message, code: TRPC_ERROR_CODES_BY_KEY[code], data } },
    { status: httpStatus },
  );
}

const hasRetryAfter = (cause: unknown): cause is { retryAfter: number } =>
  typeof (cause as { retryAfter?: unknown } | undefined)?.retryAfter === "number";

/** Each procedure call's duration and outcome, reported by the procedure itself. */
function recordCall(call: ProcedureCall) {
  const status = call.code ?? "OK";
  metrics().procedureDuration.observe(
    { procedure: call.path, type: call.type, status },
    call.seconds,
  );
  if (call.code) metrics().procedureErrors.inc({ procedure: call.path, code: call.code });
}

/**
 * The tRPC endpoint (/api/trpc/*) as a fetch handler: tRPC's fetch adapter. The server
 * (apps/web/server.ts) calls it for /api/trpc/*, ahead of Next.js's router.
 *
 * Every call gets a request id (the caller's `x-request-id` when it is sensible, otherwise a
 * new one): it is on every log line of the request and in the response. Each procedure
 * reports its duration and outcome for /api/metrics (only procedures that exist do, so the
 * metric's labels stay bounded).
 */
export async function handleTrpcRequest(req: Request): Promise<Response> {
  const requestId = requestIdFrom(req.headers.get("x-request-id"));
  // The request's logger is made only when a line is written (most requests write none).
  let child: typeof logger | undefined;
  const log = () => {
    child ??= logger.child({ requestId });
    return child;
  };
  const started = performance.now();
  const url = new URL(req.url);
  const response = await handle(req, url, requestId, log).catch((error: unknown) =>
    failedBeforeApi(error, requestId, log),
  );
  if (response.status >= 500 || logger.isLevelEnabled("debug")) {
    const paths = url.pathname.replace(/^\/api\/trpc\/?/, "").split(",");
    const seconds = (performance.now() - started) / 1000;
    if (response.status >= 500)
      log().warn({ paths, status: response.status, seconds }, "request failed");
    else log().debug({ paths, status: response.status, seconds }, "request");
  }
  try {
    response.headers.set("x-request-id", requestId);
  } catch {
    // Some responses (streams) have immutable headers; the id is still in the logs.
  }
  return response;
}

/**
 * The request's way through: the cross-site guard, the body's declared size against what the
 * procedure takes, who is calling, and only then the body, read once within its bound. A body
 * over the bound is refused before it is read; an import's large bound is only for a caller
 * who is signed in (a session or an access token), so nobody unknown makes the server hold
 * more than 1 MB.
 */
async function handle(raw: Request, url: URL, requestId: string, log: () => typeof logger) {
  const refused = guardMutation(raw, requestId);
  if (refused) return refused;
  const procedures = url.pathname.replace(/^\/api\/trpc\/?/, "").split(",");
  const limit = bodyLimitFor(procedures);
  if (raw.method === "POST" && declaredTooLarge(raw, limit)) {
    await raw.body?.cancel().catch(() => {});
    return errorResponse("PAYLOAD_TOO_LARGE", 413, bodyTooLargeMessage(limit), requestId);
  }
  // `Authorization: Bearer <personal access token>` (the CLI) stands in for the session cookie.
  const bearer = await authenticateRequest(db(), raw, requestId);
  if (bearer.kind === "refused") {
    await raw.body?.cancel().catch(() => {});
    return bearer.response;
  }
  // Procedures check the session is still current in their own access query.
  const user = bearer.kind === "token" ? bearer.user : await sessionClaimsFromRequest(raw);
  if (!user && limit > DEFAULT_BODY_BYTES) {
    await raw.body?.cancel().catch(() => {});
    return errorResponse("UNAUTHORIZED", 401, "Sign in to continue.", requestId);
  }
  const input = await checkRequestInput(raw, url, limit);
  if (!input.ok) {
    return input.status === 413
      ? errorResponse("PAYLOAD_TOO_LARGE", 413, input.message, requestId)
      : errorResponse("BAD_REQUEST", 400, input.message, requestId);
  }
  const req = input.request;
  // Live subscriptions (GET /api/trpc/live.*) need this instance's database listener.
  if (req.method === "GET" && url.pathname.includes("/live.")) await ensureRealtime();
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () =>
      createContextInner({
        db: db(),
        user,
        credential: bearer.kind === "token" ? "token" : "session",
        emailEnabled: emailConfigured(),
        appUrl: appOrigin(req),
        secret: authEnv().NEXTAUTH_SECRET ?? null,
        onCall: recordCall,
        requestId,
        historyFoldSeconds: historyEnv().HISTORY_FOLD_SECONDS,
        clientAddress: clientAddress(req.headers, authEnv().TRUST_PROXY),
        signUpLimiter: signUpLimiter(),
      }),
    // A refusal by a rate limit tells clients when to come back.
    responseMeta({ errors }) {
      const limited = errors.find(
        (error) => error.code === "TOO_MANY_REQUESTS" && hasRetryAfter(error.cause),
      );
      return limited && hasRetryAfter(limited.cause)
        ? { headers: new Headers({ "Retry-After": String(limited.cause.retryAfter) }) }
        : {};
    },
    onError({ error, path, type }) {
      if (isDatabaseUnavailable(error)) {
        // Answered 503 with a message; one short line, not a stack per request, while it lasts.
        log().warn({ path, type }, "database unavailable");
      } else if (error.code === "INTERNAL_SERVER_ERROR") {
        log().error({ err: error.cause ?? error, path, type }, "procedure failed");
      }
    },
  });
}
