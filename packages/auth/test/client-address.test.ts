import { describe, expect, it } from "vitest";
import { clientAddress, PEER_ADDRESS_HEADER, requestOrigin } from "../src/client-address";

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

describe("requestOrigin", () => {
  const request = new Request("http://127.0.0.1:3000/api/trpc/x", {
    headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
  });
  it("is the address the request was made to unless proxies are trusted", () => {
    expect(requestOrigin(request, 0)).toBe("http://127.0.0.1:3000");
    expect(requestOrigin(request, 1)).toBe("https://evil.example");
  });
});
