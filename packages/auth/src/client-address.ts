import { isIPv6 } from "node:net";

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

/** The eight 16-bit groups of an IPv6 address, or null for anything else. */
function ipv6Groups(address: string): number[] | null {
  const bare = address.split("%", 1)[0] ?? "";
  if (!isIPv6(bare)) return null;
  let text = bare.toLowerCase();
  // A dotted IPv4 tail (::ffff:192.0.2.1) is the last two groups.
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", rest] = text.split("::");
  const parts = (part: string) => (part ? part.split(":") : []);
  const left = parts(head);
  const right = rest === undefined ? [] : parts(rest);
  const missing = 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(Math.max(0, missing)).fill("0"), ...right];
  return groups.map((group) => Number.parseInt(group, 16));
}

/**
 * The part of a client's address that the rate limits count. An IPv6 host is given a whole /64
 * (one home or cloud network, where it can take any address it likes), so IPv6 counts by its
 * /64 (`2001:db8:a:b::/64`): changing the other half of the address starts no limit anew. IPv4,
 * also when a dual-stack socket reports it IPv4-mapped (`::ffff:198.51.100.7`), counts by the
 * whole address. Anything else is counted as it is.
 */
export function limitedAddress(address: string): string {
  const groups = ipv6Groups(address);
  if (!groups) return address;
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) {
    const [high = 0, low = 0] = groups.slice(6);
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}
