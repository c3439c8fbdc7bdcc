import superjson from "superjson";
import { describe, expect, it, vi } from "vitest";
import { serializeToJson, sharedAnswer, transformer, withCallerPart } from "../src/transformer";

const serialize = transformer.output.serialize;

/** Parsed as a client would: the wire JSON, read back by plain superjson. */
const roundTrip = (value: unknown) =>
  superjson.deserialize(JSON.parse(JSON.stringify(serialize(value))));

function sharedView() {
  return sharedAnswer({
    projectId: "p1",
    round: 2,
    criteria: [{ key: "speed", scores: { drf: 3.25, fastapi: 4 } }],
    previousRound: { round: 1, closedAt: new Date("2026-01-02T03:04:05.000Z"), note: undefined },
    hidden: false,
  });
}

describe("the API transformer", () => {
  it("serializes a shared answer as superjson does, once, and freezes it in depth", () => {
    const view = sharedView();
    expect(serialize(view)).toEqual(superjson.serialize(view));
    expect(serialize(view)).toBe(serialize(view));
    expect(Object.isFrozen(view.criteria[0]?.scores)).toBe(true);
    expect(() => {
      (view.criteria as { key: string }[]).push({ key: "late" });
    }).toThrow(TypeError);
  });

  it("serializes a caller's answer on a shared one to what superjson reads back the same", () => {
    const view = sharedView();
    const mine = { totals: [{ optionKey: "drf", score: 61.5 }], winner: "drf", at: new Date(0) };
    const answer = withCallerPart(view, { mine });
    const wire = serialize(answer);
    expect(roundTrip(answer)).toEqual({ ...view, mine });
    expect(wire.json).toEqual(superjson.serialize(answer).json);
    expect(wire.meta?.values).toEqual(superjson.serialize(answer).meta?.values);
    // The shared part's serialized form is reused, not made again.
    expect((wire.json as { criteria: unknown }).criteria).toBe(
      (serialize(view).json as { criteria: unknown }).criteria,
    );
  });

  it("reads a caller part with nothing to annotate, and a null one", () => {
    const view = sharedView();
    expect(roundTrip(withCallerPart(view, { mine: null }))).toEqual({ ...view, mine: null });
    const plain = sharedAnswer({ a: 1 });
    expect(serialize(withCallerPart(plain, { b: 2 }))).toEqual(superjson.serialize({ a: 1, b: 2 }));
  });

  it("falls back to superjson for a caller part that reuses a shared field name", () => {
    const view = sharedView();
    const answer = withCallerPart(view, { previousRound: null });
    expect(serialize(answer)).toEqual(superjson.serialize({ ...view, previousRound: null }));
    expect(roundTrip(answer)).toEqual({ ...view, previousRound: null });
  });

  it("serializes anything else with superjson", () => {
    const value = { when: new Date(5), list: new Set([1]), nothing: undefined };
    expect(serialize(value)).toEqual(superjson.serialize(value));
    expect(serialize(withCallerPart({ a: new Date(1) }, { b: 1 }))).toEqual(
      superjson.serialize({ a: new Date(1), b: 1 }),
    );
  });

  it("writes the JSON text of every kind of answer exactly as JSON.stringify of its form", () => {
    const view = sharedView();
    const answers: unknown[] = [
      view,
      withCallerPart(view, {
        mine: { totals: [{ optionKey: "drf", score: 61.5 }], at: new Date(0) },
      }),
      withCallerPart(view, { mine: null }),
      withCallerPart(view, { previousRound: null }),
      withCallerPart(sharedAnswer({}), { only: "mine" }),
      withCallerPart(sharedAnswer({ a: 1 }), {}),
      withCallerPart(sharedAnswer({ gone: undefined }), { at: new Date(2) }),
      withCallerPart(sharedAnswer({ list: new Set([1]) }), { n: undefined }),
      { when: new Date(5), list: new Set([1]), nothing: undefined },
      [1, "two", null],
      "text",
      null,
      undefined,
    ];
    for (const answer of answers) {
      const text = serializeToJson(answer);
      expect(text).toBe(JSON.stringify(serialize(answer)));
      expect(superjson.deserialize(JSON.parse(text))).toEqual(
        superjson.deserialize(superjson.serialize(answer)),
      );
    }
    // The shared part's text is made once: a caller's answer then writes only its own part.
    const stringify = vi.spyOn(JSON, "stringify");
    try {
      serializeToJson(withCallerPart(view, { mine: { winner: "drf" } }));
      const written = stringify.mock.calls.map(([value]) => value);
      expect(written).toContainEqual({ mine: { winner: "drf" } });
      expect(written).not.toContainEqual(serialize(view).json);
    } finally {
      stringify.mockRestore();
    }
  });
});
