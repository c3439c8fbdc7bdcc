/**
 * The app's one server: `node --import tsx server.ts --port 3000 [--hostname 127.0.0.1] [--dev]`.
 * `npm start`, `npm run dev` (with `--dev`: Next.js in development mode, with hot reload), the
 * end-to-end tests, the fault tests and the bench all run it. Pages, sign-in and every other
 * route go to Next.js. The endpoints the API clients call all the time, /api/trpc/*, the REST
 * API (/api/v1/*, /api/docs) and /api/metrics, are answered here directly: Next.js's router costs about a millisecond of CPU
 * per request on its own, more than a whole cached read of the API (see docs/ARCHITECTURE.md).
 * Every response carries the same security headers as the pages.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { Server as NetServer } from "node:net";
import { parseArgs } from "node:util";
import { getRequestListener } from "@hono/node-server";
import { requestIdFrom } from "@tradeoff/api/rest";
import { privateNetworksAllowed } from "@tradeoff/api/server";
import { PEER_ADDRESS_HEADER } from "@tradeoff/auth/client-address";
import { readPoolSize } from "@tradeoff/db";
import next from "next";
import { securityHeaders, transportSecurityHeaders } from "./security-headers";
import { authEnv, historyEnv, mailEnv, shutdownEnv } from "./src/env";
import { COLLAB_PATH, closeCollab, handleCollabUpgrade } from "./src/server/collab";
import { startBackgroundJobs, stopBackgroundJobs } from "./src/server/jobs";
import { logger } from "./src/server/logger";
import { handleMetricsRequest } from "./src/server/metrics-handler";
import { ensureRealtime } from "./src/server/realtime";
import { handleRestRequest } from "./src/server/rest-handler";
import { handleTrpcRequest } from "./src/server/trpc-handler";

function fail(message: string): never {
  console.error(`Tradeoff cannot start: ${message}`);
  process.exit(1);
}

const { values: args } = parseArgs({
  options: {
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H" },
    dev: { type: "boolean", default: false },
  },
});
const port = Number(args.port ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  fail(`--port must be a whole number between 1 and 65535 (got "${args.port}").`);
}
const hostname = args.hostname;

const app = next({ dev: args.dev, dir: import.meta.dirname, hostname, port });
const nextHandler = app.getRequestHandler();

/**
 * Settings read later (on a request, a job, a delivery) are checked now, so a mistaken value
 * stops the start with what is wrong instead of failing, or quietly meaning something else,
 * later.
 */
function checked<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    return fail((error as Error).message);
  }
}
const startupAuth = checked(authEnv);
checked(() => readPoolSize());
checked(() => privateNetworksAllowed());
const graceSeconds = checked(() => shutdownEnv().SHUTDOWN_GRACE_SECONDS);
checked(() => historyEnv());
// Read again by the job worker and the sign-up page; a mistake here would otherwise surface only
// when the first email is due, as a job queue that keeps failing to start.
checked(() => mailEnv());

/** HSTS depends on where this server is deployed: it is added here, on every response. */
const transportSecurity = transportSecurityHeaders(startupAuth.NEXTAUTH_URL);

/** A fetch handler served on node:http, with the pages' security headers on its answers. */
function serve(handler: (request: Request) => Promise<Response>) {
  return getRequestListener(
    (request, env) => {
      for (const { key, value } of securityHeaders) env.outgoing.setHeader(key, value);
      return handler(request);
    },
    // The library's default: its lighter Request and Response (real subclasses of the standard
    // ones) become the globals, so tRPC's JSON answers are written without a stream copy.
    { overrideGlobalObjects: true },
  );
}
const trpc = serve(handleTrpcRequest);
const metrics = serve(handleMetricsRequest);
const rest = serve(handleRestRequest);

/**
 * Hands the connection's address to the handlers as a header (Next.js route handlers see no
 * socket), replacing any copy the client sent so nobody can choose their own address.
 */
function stampPeerAddress(req: IncomingMessage) {
  const address = req.socket.remoteAddress ?? "unknown";
  const raw = req.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) {
    if (raw[i]?.toLowerCase() === PEER_ADDRESS_HEADER) raw.splice(i, 2);
  }
  raw.push(PEER_ADDRESS_HEADER, address);
  req.headers[PEER_ADDRESS_HEADER] = address;
}

await app.prepare().catch((error: Error) => fail(error.message));

/** Set on SIGTERM: the server answers what it has taken, refuses the rest, then exits. */
let draining = false;
/** Requests being answered (live streams apart: they never end by themselves). */
const inFlight = new Set<ServerResponse>();
/** Open live streams (server-sent events): ended when draining, their clients resume elsewhere. */
const streams = new Set<ServerResponse>();

/**
 * What a request that arrives while the server drains gets: a clear "not done, try again", with
 * a request id (the caller's `x-request-id` when sensible) in the `x-request-id` header and in
 * the body, as every other refusal before the API has, and on the log line that records it.
 */
function refuseWhileDraining(req: IncomingMessage, path: string | undefined, res: ServerResponse) {
  const given = req.headers["x-request-id"];
  const requestId = requestIdFrom(Array.isArray(given) ? given[0] : given);
  logger.info({ requestId, path }, "refused while draining");
  const message =
    "This server is restarting; your request was not carried out. Try again in a moment.";
  const headers = { "retry-after": "1", connection: "close", "x-request-id": requestId };
  if (path?.startsWith("/api/v1/")) {
    // The REST API's clients read problem details.
    res.writeHead(503, { ...headers, "content-type": "application/problem+json" });
    res.end(
      JSON.stringify({
        type: "about:blank",
        title: "Service Unavailable",
        status: 503,
        detail: message,
        code: "SERVICE_UNAVAILABLE",
        requestId,
      }),
    );
    return;
  }
  const body = JSON.stringify(
    path === "/api/ready"
      ? {
          status: "unavailable",
          draining: true,
          message: "This server is shutting down: send requests to another instance.",
          requestId,
        }
      : {
          error: {
            message,
            code: -32603,
            data: {
              code: "SERVICE_UNAVAILABLE",
              httpStatus: 503,
              path: null,
              fieldErrors: null,
              requestId,
            },
          },
        },
  );
  res.writeHead(503, { ...headers, "content-type": "application/json" });
  res.end(body);
}

const server = createServer((req, res) => {
  for (const { key, value } of transportSecurity) res.setHeader(key, value);
  stampPeerAddress(req);
  const url = req.url ?? "";
  const path = url.split("?", 1)[0];
  if (draining) {
    // Ready no more, so a load balancer stops sending; anything else is refused, not cut.
    refuseWhileDraining(req, path, res);
    return;
  }
  const live = req.method === "GET" && path?.startsWith("/api/trpc/live.");
  const tracked = live ? streams : inFlight;
  tracked.add(res);
  res.once("close", () => {
    tracked.delete(res);
    if (draining && inFlight.size === 0) drained();
  });
  if (path?.startsWith("/api/trpc/")) void trpc(req, res);
  else if (path === "/api/metrics") void metrics(req, res);
  else if (path?.startsWith("/api/v1/") || path === "/api/v1" || path === "/api/docs")
    void rest(req, res);
  else void nextHandler(req, res);
});
// An idle keep-alive connection is closed by the server after keepAliveTimeout; a client that
// sends a request on it at that moment gets a reset (ECONNRESET), not an answer. Node's default
// of 5 s is shorter than what clients and load balancers keep idle connections for (60 s for
// the common ones), so the server waits longer than they do; headers must come within that.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
// The draft editor's WebSocket (live shared text); every other upgrade (Next.js's hot reload in
// development) is left to whoever else listens for it.
server.on("upgrade", (req, socket, head) => {
  if (req.url?.split("?", 1)[0] !== COLLAB_PATH) return;
  if (draining) socket.destroy();
  else handleCollabUpgrade(req, socket, head);
});
server.on("error", (error: NodeJS.ErrnoException) =>
  fail(error.code === "EADDRINUSE" ? `port ${port} is already in use.` : error.message),
);
server.listen(port, hostname, () => {
  logger.info({ port, hostname: hostname ?? "all interfaces" }, "listening");
  // Live updates start with the server, not with the first subscriber.
  void ensureRealtime();
  startBackgroundJobs();
});

/** After the last request in flight: time for clients to use connections they hold, and be told. */
const IDLE_LINGER_MS = 500;
let drainStartedAt = 0;
let exitScheduled = false;
/** Settles once the draft editors' edits are stored (see closeCollab). */
let collabClosed: Promise<void> = Promise.resolve();
/** Settles once this instance's job worker has stopped (see stopBackgroundJobs). */
let jobsStopped: Promise<void> = Promise.resolve();

/** Every request taken is answered: after a short linger, close what is left and exit. */
function drained() {
  if (exitScheduled) return;
  exitScheduled = true;
  const linger = new Promise((resolve) => setTimeout(resolve, IDLE_LINGER_MS).unref());
  // Draft edits still being stored and jobs still running are waited for too (within the grace
  // period).
  void Promise.all([linger, collabClosed, jobsStopped]).then(() => {
    logger.info({ seconds: (Date.now() - drainStartedAt) / 1000 }, "drained; exiting");
    server.closeAllConnections();
    process.exit(0);
  });
}

/** net.Server's own close: stops listening and leaves open connections alone. */
const stopListening = NetServer.prototype.close;

/**
 * Draining on SIGTERM (and Ctrl-C): stop taking connections, answer the requests in flight
 * with `Connection: close`, refuse (503, nothing done) any new request on a connection already
 * open, end live streams (their clients resume on another instance), let the jobs in progress
 * finish, and exit once every request taken is answered and every job finished, or after
 * SHUTDOWN_GRACE_SECONDS whatever is left.
 */
function shutdown(signal: NodeJS.Signals) {
  if (draining) return;
  draining = true;
  drainStartedAt = Date.now();
  logger.info({ signal, inFlight: inFlight.size, graceSeconds }, "draining");
  for (const res of inFlight) if (!res.headersSent) res.setHeader("connection", "close");
  for (const res of streams) res.destroy();
  // Draft editors reconnect to another instance; their edits are written first.
  collabClosed = closeCollab().catch((err: unknown) =>
    logger.warn({ err }, "draft editing: closing failed"),
  );
  // The job worker takes no new job; those in progress finish within the grace period less a
  // second, in which one still running is marked failed, to be retried by its queue's policy
  // rather than only after its expiry.
  jobsStopped = stopBackgroundJobs(Math.max(graceSeconds - 1, 0) * 1000).catch((err: unknown) =>
    logger.warn({ err }, "job queue: stopping failed"),
  );
  // http.Server's close would also drop idle keep-alive connections at once, racing a request
  // just sent on one; on those, a request gets its 503 instead, and the linger closes the rest.
  stopListening.call(server);
  if (inFlight.size === 0) drained();
  setTimeout(() => {
    logger.warn(
      { unanswered: inFlight.size },
      "grace period over; exiting with requests in flight",
    );
    server.closeAllConnections();
    process.exit(0);
  }, graceSeconds * 1000).unref();
}
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
