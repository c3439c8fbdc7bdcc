import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
// Its own entry point, so Next.js's bundles (which import @tradeoff/api/server) never carry the
// sync server: only this module, run by server.ts, does.
import { closeDraftCollab, createDraftCollab } from "@tradeoff/api/collab";
import { parseCookie } from "cookie";
import { WebSocketServer } from "ws";
import { env } from "~/env";
import { db } from "./db";
import { logger } from "./logger";
import { isOwnOrigin } from "./origin";
import { sessionClaimsFromCookies } from "./session";

/** Where the draft editor's WebSocket connects. */
export const COLLAB_PATH = "/api/collab";

let collab: ReturnType<typeof createDraftCollab>["hocuspocus"] | undefined;
let sockets: WebSocketServer | undefined;

/**
 * The live shared text of record drafts (Hocuspocus), created with the first connection. A
 * connection is signed in by the next-auth session cookie the browser sends with the upgrade,
 * checked like every other request's (a signed-out or revoked session is refused); its draft's
 * team and role are checked in @tradeoff/api.
 */
function draftCollab() {
  collab ??= createDraftCollab({
    db: db(),
    // The embedded database cannot pass notifications between connections, and serves one
    // instance anyway: no listening connection there.
    listenUrl: env().TRADEOFF_EMBEDDED_DB ? undefined : env().DATABASE_URL,
    authenticate: async ({ headers }) => {
      const cookies = parseCookie(headers.cookie ?? "");
      return sessionClaimsFromCookies((name) => cookies[name]);
    },
    onError: (err, what, context) =>
      logger.warn({ err, ...context }, `draft editing: ${what} failed`),
  }).hocuspocus;
  sockets ??= new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });
  return { collab, sockets };
}

/** The request as a fetch Request, for the origin check the API's other routes use. */
function asRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(key, value);
  }
  return new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, { headers });
}

/**
 * Takes a WebSocket upgrade for the draft editor. Browsers send cookies with a WebSocket from
 * any site, so one from another origin is refused before anything else.
 */
export function handleCollabUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
  const origin = req.headers.origin;
  if (!origin || !isOwnOrigin(origin, asRequest(req))) {
    socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n");
    return;
  }
  const { collab, sockets } = draftCollab();
  sockets.handleUpgrade(req, socket, head, (ws) => collab.handleConnection(ws, req));
}

/**
 * Closes every draft connection and resolves once their edits and text are stored (the server
 * is stopping; its editors reconnect to another instance).
 */
export async function closeCollab() {
  if (!collab) return;
  for (const ws of sockets?.clients ?? []) ws.close(1012, "The server is restarting.");
  await closeDraftCollab(collab);
}
