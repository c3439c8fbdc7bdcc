/**
 * Who is asking, and at which address the app was asked. Forwarded headers are written by
 * whoever sends the request, so they count only for the proxies the operator says are in front
 * (TRUST_PROXY = that many hops); otherwise the connection's own address decides.
 */

/**
 * The connection's peer address, set by the app's server (apps/web/server.ts) on every request
 * after removing any copy the client sent, so the route handlers can read it.
 */
export const PEER_ADDRESS_HEADER = "x-tradeoff-peer-address";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function reader(headers: HeaderSource) {
  return (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
}

const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * The client's address. Each trusted proxy appends the address it was called from to
 * X-Forwarded-For, so with `trustedHops` proxies the client is that many entries from the
 * right of [...X-Forwarded-For, peer]; anything further left is the client's own claim.
 */
export function clientAddress(headers: HeaderSource, trustedHops: number): string {
  const read = reader(headers);
  const peer = read(PEER_ADDRESS_HEADER)?.trim() || "unknown";
  if (trustedHops <= 0) return peer;
  const chain = [...list(read("x-forwarded-for")), peer];
  return chain[Math.max(0, chain.length - 1 - trustedHops)] ?? peer;
}

/**
 * The origin a request was made to: its Host (and the scheme it arrived on), or, behind
 * trusted proxies, what the nearest of them reports in X-Forwarded-Host / X-Forwarded-Proto.
 */
export function requestOrigin(req: Request, trustedHops: number): string {
  const url = new URL(req.url);
  if (trustedHops <= 0) return url.origin;
  const forwarded = (name: string) => {
    const values = list(req.headers.get(name) ?? undefined);
    return values[Math.max(0, values.length - trustedHops)];
  };
  const host = forwarded("x-forwarded-host") ?? url.host;
  const proto = forwarded("x-forwarded-proto") ?? url.protocol.replace(":", "");
  return `${proto}://${host}`;
}
