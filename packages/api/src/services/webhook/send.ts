import { Agent, request } from "undici";
import {
  guardedLookup,
  literalAddress,
  RefusedAddressError,
  type Resolver,
  refusedAddressReason,
} from "./address";

/** A receiver gets 10 seconds to answer; after that the attempt counts as failed. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** How much of the receiver's answer the delivery log keeps. */
export const EXCERPT_CHARS = 500;

export type SendOutcome = {
  statusCode: number | null;
  ok: boolean;
  /** The start of the answer's body, or why there was no answer. */
  excerpt: string;
};

/**
 * POSTs one delivery. Never throws: every failure (refused address, timeout, refused
 * connection, non-2xx answer) is an outcome for the delivery log. Redirects are not followed
 * (a 3xx is a failure), so a receiver cannot bounce a delivery to a refused address.
 */
export async function postDelivery(input: {
  url: string;
  body: string;
  headers: Record<string, string>;
  resolve: Resolver;
  allowPrivate: boolean;
  timeoutMs?: number;
}): Promise<SendOutcome> {
  const url = new URL(input.url);
  const literal = literalAddress(url.hostname);
  if (literal && !input.allowPrivate) {
    const reason = refusedAddressReason(literal);
    if (reason)
      return {
        statusCode: null,
        ok: false,
        excerpt: `Not sent: refused: ${literal} is ${reason}.`,
      };
  }
  const timeoutMs = input.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  const agent = new Agent({
    connect: { lookup: guardedLookup(input.resolve, input.allowPrivate), timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    pipelining: 0,
  });
  try {
    const response = await request(url, {
      method: "POST",
      dispatcher: agent,
      headers: { "content-type": "application/json", ...input.headers },
      body: input.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const excerpt = await readExcerpt(response.body);
    const ok = response.statusCode >= 200 && response.statusCode < 300;
    return { statusCode: response.statusCode, ok, excerpt };
  } catch (error) {
    return {
      statusCode: null,
      ok: false,
      excerpt: failureText(error, timeoutMs),
    };
  } finally {
    void agent.destroy().catch(() => {});
  }
}

async function readExcerpt(body: AsyncIterable<Buffer> & { destroy(): unknown }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= EXCERPT_CHARS * 4) break;
  }
  body.destroy();
  return Buffer.concat(chunks).toString("utf8").slice(0, EXCERPT_CHARS);
}

function failureText(error: unknown, timeoutMs: number): string {
  const root = rootCause(error);
  if (root instanceof RefusedAddressError) return `Not sent: ${root.message}.`;
  const name = root instanceof Error ? root.name : "";
  const code = (root as { code?: string } | null)?.code ?? "";
  if (name === "TimeoutError" || name === "AbortError" || code.includes("TIMEOUT")) {
    return `Not delivered: no answer within ${timeoutMs / 1000} s.`;
  }
  const message = root instanceof Error ? root.message : String(root);
  return `Not delivered: ${code ? `${code} ` : ""}${message}`.trim().slice(0, EXCERPT_CHARS);
}

function rootCause(error: unknown): unknown {
  let current = error;
  for (let i = 0; i < 5; i++) {
    const cause = (current as { cause?: unknown } | null)?.cause;
    if (!cause) break;
    current = cause;
  }
  return current;
}
