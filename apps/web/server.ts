/**
 * The app's one server: `node --import tsx server.ts --port 3000 [--hostname 127.0.0.1] [--dev]`.
 * `npm start`, `npm run dev` (with `--dev`: Next.js in development mode, with hot reload), the
 * end-to-end tests, the fault tests and the bench all run it. Pages, sign-in and every other
 * route go to Next.js. The endpoints the API clients call all the time, /api/trpc/* and
 * /api/metrics, are answered here directly: Next.js's router costs about a millisecond of CPU
 * per request on its own, more than a whole cached read of the API (see docs/ARCHITECTURE.md).
 * Every response carries the same security headers as the pages.
 */
import { createServer, type IncomingMessage } from "node:http";
import { parseArgs } from "node:util";
import { getRequestListener } from "@hono/node-server";
import { PEER_ADDRESS_HEADER } from "@tradeoff/auth/client-address";
import next from "next";
import { securityHeaders, transportSecurityHeaders } from "./security-headers";
import { authEnv } from "./src/env";
import { startBackgroundJobs } from "./src/server/jobs";
import { logger } from "./src/server/logger";
import { handleMetricsRequest } from "./src/server/metrics-handler";
import { ensureRealtime } from "./src/server/realtime";
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

/** HSTS depends on where this server is deployed: it is added here, on every response. */
const transportSecurity = transportSecurityHeaders(authEnv().NEXTAUTH_URL);

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
const server = createServer((req, res) => {
  for (const { key, value } of transportSecurity) res.setHeader(key, value);
  stampPeerAddress(req);
  const url = req.url ?? "";
  const path = url.split("?", 1)[0];
  if (path?.startsWith("/api/trpc/")) void trpc(req, res);
  else if (path === "/api/metrics") void metrics(req, res);
  else void nextHandler(req, res);
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

/** Stops taking requests, lets the ones in flight finish (at most 5 s), then exits. */
function shutdown() {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
    process.exit(0);
  }, 5_000).unref();
}
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
