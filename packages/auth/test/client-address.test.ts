import { describe, expect, it } from "vitest";
import {
  clientAddress,
  limitedAddress,
  PEER_ADDRESS_HEADER,
  requestOrigin,
} from "../src/client-address";

const headers = (forwardedFor?: string) => ({
  [PEER_ADDRESS_HEADER]: "10.0.0.5",
  ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
});

describe("clientAddress", () => {
  it("ignores X-Forwarded-For unless proxies are trusted", () => {
    expect(clientAddress(headers("203.0.113.1"), 0)).toBe("10.0.0.5");
    expect(clientAddress(headers(), 0)).toBe("10.0.0.5");
  });

  it("takes the entry the nearest trusted proxy wrote, never the client's own claims", () => {
    expect(clientAddress(headers("1.1.1.1, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientAddress(headers("1.1.1.1, 203.0.113.9, 172.16.0.2"), 2)).toBe("203.0.113.9");
    // Fewer entries than trusted hops: the leftmost one there is.
    expect(clientAddress(headers("203.0.113.9"), 3)).toBe("203.0.113.9");
  });
});

describe("limitedAddress", () => {
  it("counts an IPv6 address by its /64, the block one host or home network is given", () => {
    const net = "2001:db8:a:b::/64";
    expect(limitedAddress("2001:db8:a:b::1")).toBe(net);
    expect(limitedAddress("2001:0db8:000a:000b:ffff:1:2:3")).toBe(net);
    expect(limitedAddress("2001:DB8:A:B:1234:5678:9abc:def0")).toBe(net);
    // A zone (the interface of a link-local address) names no other network.
    expect(limitedAddress("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(limitedAddress("2001:db8:a:c::1")).toBe("2001:db8:a:c::/64");
    expect(limitedAddress("::1")).toBe("0:0:0:0::/64");
    expect(limitedAddress("2001:db8:a:b:1:2:192.0.2.1")).toBe(net);
  });

  it("counts IPv4 by the whole address, however it arrived", () => {
    expect(limitedAddress("198.51.100.7")).toBe("198.51.100.7");
    // A dual-stack socket reports an IPv4 client as an IPv4-mapped IPv6 address.
    expect(limitedAddress("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(limitedAddress("::FFFF:c633:6407")).toBe("198.51.100.7");
  });

  it("leaves anything else as it is", () => {
    expect(limitedAddress("unknown")).toBe("unknown");
    expect(limitedAddress("2001:db8::zz")).toBe("2001:db8::zz");
  });
});

describe("requestOrigin", () => {
  const request = new Request("http://127.0.0.1:3000/api/trpc/x", {
    headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
  });
  it("is the address the request was made to unless proxies are trusted", () => {
    expect(requestOrigin(request, 0)).toBe("http://127.0.0.1:3000");
    expect(requestOrigin(request, 1)).toBe("https://evil.example");
  });
});
