import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Where webhooks may be sent. By default only public unicast addresses: loopback, private,
 * link-local, carrier-grade NAT, multicast, reserved and other special ranges are refused, so a
 * webhook cannot reach the app's own network (SSRF). The check runs on the address a host name
 * resolves to at delivery time, and the connection goes to that checked address, so a name that
 * changes what it points to between the check and the connection cannot slip through.
 * `WEBHOOK_ALLOW_PRIVATE_NETWORKS=true` lifts this (receivers on the same network; tests).
 * Any case of true/false, 1/0, yes/no, on/off is taken; unset or empty is false; anything else
 * is refused (checked when the server starts), never quietly read as false.
 */
export function privateNetworksAllowed(
  source: Record<string, string | undefined> = process.env,
): boolean {
  const value = source.WEBHOOK_ALLOW_PRIVATE_NETWORKS ?? "";
  const word = value.trim().toLowerCase();
  if (["true", "1", "yes", "on"].includes(word)) return true;
  if (["false", "0", "no", "off", ""].includes(word)) return false;
  throw new Error(
    `WEBHOOK_ALLOW_PRIVATE_NETWORKS must be true or false (1/0, yes/no and on/off work too), not "${value}".`,
  );
}

/** What kind of address may not be sent to ("a loopback address"), or null when it may. */
export function refusedAddressReason(address: string): string | null {
  if (!ipaddr.isValid(address)) return "not an IP address";
  // IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) are judged as the IPv4 address they carry.
  const range = ipaddr.process(address).range();
  return range === "unicast" ? null : `a ${describeRange(range)} address`;
}

function describeRange(range: string): string {
  const words: Record<string, string> = {
    loopback: "loopback",
    private: "private-network",
    linkLocal: "link-local",
    uniqueLocal: "private-network (unique local)",
    carrierGradeNat: "carrier-grade NAT",
    multicast: "multicast",
    unspecified: "unspecified",
    broadcast: "broadcast",
    reserved: "reserved",
  };
  return words[range] ?? `special-purpose (${range})`;
}

/** Host names that always mean this machine, refused when saved as well. */
export function isLocalHostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  return name === "localhost" || name.endsWith(".localhost");
}

/** The IP literal of a URL's host (brackets of IPv6 removed), or null for a name. */
export function literalAddress(hostname: string): string | null {
  const bare = hostname.replace(/^\[(.*)\]$/, "$1");
  return isIP(bare) ? bare : null;
}

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

/** The system resolver (what the operating system would connect to), every address. */
export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    );
  });

export class RefusedAddressError extends Error {
  override name = "RefusedAddressError";
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for the HTTP client's connections: resolves with `resolve`, refuses the host when
 * any of its addresses is not allowed, and hands the checked address to the connection.
 */
export function guardedLookup(resolve: Resolver, allowPrivate: boolean) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    resolve(hostname).then(
      (addresses) => {
        if (addresses.length === 0) {
          callback(new RefusedAddressError(`${hostname} has no address`), []);
          return;
        }
        if (!allowPrivate) {
          for (const { address } of addresses) {
            const reason = refusedAddressReason(address);
            if (reason) {
              // The kind of address, never the address: what a name resolves to inside the
              // app's network is not for the team's delivery log.
              callback(new RefusedAddressError(`refused: ${hostname} resolves to ${reason}`), []);
              return;
            }
          }
        }
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0]?.address ?? "", addresses[0]?.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, []),
    );
  };
}
