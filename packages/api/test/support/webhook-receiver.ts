import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Received = {
  headers: IncomingMessage["headers"];
  body: string;
};

/**
 * A real HTTP receiver on 127.0.0.1. `answer` decides each response (default 200 "ok");
 * returning "hold" keeps the request open without answering.
 */
export async function startReceiver(
  answer: (
    request: Received,
    index: number,
  ) => { status: number; body?: string } | "hold" = () => ({
    status: 200,
    body: "ok",
  }),
) {
  const received: Received[] = [];
  const held: ServerResponse[] = [];
  const waiters: (() => void)[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const request: Received = { headers: req.headers, body };
      received.push(request);
      for (const wake of waiters.splice(0)) wake();
      const reply = answer(request, received.length - 1);
      if (reply === "hold") {
        held.push(res);
        return;
      }
      res.writeHead(reply.status, { "content-type": "text/plain" });
      res.end(reply.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}/hook`,
    received,
    /** Resolves once `count` requests have arrived. */
    async waitFor(count: number, timeoutMs = 30_000) {
      const end = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > end) throw new Error(`receiver got ${received.length} of ${count}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The README's verification, as a receiver would write it. */
export function verifySignature(
  secret: string,
  headers: IncomingMessage["headers"],
  body: string,
  toleranceSeconds = 300,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  const timestamp = String(headers["x-tradeoff-timestamp"] ?? "");
  const signature = String(headers["x-tradeoff-signature"] ?? "");
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) {
    return false;
  }
  const expected = `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
  const a = Buffer.from(signature);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
