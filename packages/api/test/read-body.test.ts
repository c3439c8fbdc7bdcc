import { describe, expect, it } from "vitest";
import {
  bodyLimitFor,
  bodyTooLargeMessage,
  DEFAULT_BODY_BYTES,
  MAX_BODY_BYTES,
  readBodyWithin,
} from "../src/rest";

const post = (body: RequestInit["body"], headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/trpc/team.create", {
    method: "POST",
    headers,
    body,
    duplex: "half",
  } as RequestInit);

/** A body sent in chunks, without a Content-Length, that records whether it was read to the end. */
function chunked(chunks: string[]) {
  const seen = { pulled: 0, cancelled: false };
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks[seen.pulled++];
      if (next === undefined) controller.close();
      else controller.enqueue(encoder.encode(next));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

describe("readBodyWithin", () => {
  it("reads a body within the bound, declared or sent in chunks", async () => {
    const declared = await readBodyWithin(post('{"name":"Core"}'), 64);
    expect(new TextDecoder().decode(declared ?? undefined)).toBe('{"name":"Core"}');

    const { stream } = chunked(['{"name":', '"Co', 're"}']);
    const sent = await readBodyWithin(post(stream), 64);
    expect(new TextDecoder().decode(sent ?? undefined)).toBe('{"name":"Core"}');
  });

  it("refuses a declared length above the bound without reading the body", async () => {
    const { stream, seen } = chunked(["x".repeat(10)]);
    const req = post(stream, { "content-length": "65" });
    expect(await readBodyWithin(req, 64)).toBeNull();
    expect(seen.pulled).toBeLessThanOrEqual(1);
    expect(seen.cancelled).toBe(true);
  });

  it("stops reading a body sent in chunks once it passes the bound", async () => {
    const { stream, seen } = chunked(Array.from({ length: 100 }, () => "x".repeat(10)));
    expect(await readBodyWithin(post(stream), 64)).toBeNull();
    // Seven chunks of ten bytes pass 64; the other 93 are never read.
    expect(seen.pulled).toBeLessThan(10);
    expect(seen.cancelled).toBe(true);
  });

  it("reads an empty body as no bytes", async () => {
    const empty = await readBodyWithin(new Request("http://localhost/x", { method: "POST" }));
    expect(empty?.byteLength).toBe(0);
  });
});

describe("bodyLimitFor", () => {
  it("allows 64 MB only to the imports, 1 MB to every other procedure, also in a batch", () => {
    expect(bodyLimitFor(["auth.signUp"])).toBe(1024 * 1024);
    expect(bodyLimitFor(["team.create", "project.update"])).toBe(DEFAULT_BODY_BYTES);
    expect(bodyLimitFor(["export.import"])).toBe(64 * 1024 * 1024);
    expect(bodyLimitFor(["team.get", "export.importFolder"])).toBe(MAX_BODY_BYTES);
    expect(bodyTooLargeMessage(DEFAULT_BODY_BYTES)).toMatch(
      /^The request body is larger than 1 MB/,
    );
    expect(bodyTooLargeMessage(MAX_BODY_BYTES)).toMatch(/^The request body is larger than 64 MB/);
  });
});
