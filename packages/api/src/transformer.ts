/**
 * The API's wire format: superjson (Dates, Maps, undefined… survive the trip), with one
 * addition on the way out: answers that are built once and then served to many callers are
 * serialized once.
 *
 * Serializing walks the whole answer; for the recommendation (every criterion's statistics,
 * hot spots, sensitivity) that walk costs more CPU than the rest of a cached read. A service
 * marks such an answer with `sharedAnswer()` (it is deep-frozen, so it cannot change under its
 * cached form), and a per-caller answer built on one with `withCallerPart()`. The output is
 * what superjson itself produces for the same answer, so clients read it with plain superjson.
 */
import superjson, { type SuperJSONResult } from "superjson";

/** Answers that never change once built (deep-frozen), with their serialized form once made. */
const shared = new WeakMap<object, SuperJSONResult | null>();
/** Per-caller answers: a shared answer's fields plus a few of the caller's own. */
const composed = new WeakMap<object, { base: object; extra: Record<string, unknown> }>();

function deepFreeze(value: unknown) {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

/**
 * Marks an answer that will be served unchanged to many callers: it is frozen (in depth) so
 * nothing can change it, and its serialized form is made on first use and kept as long as the
 * answer itself is.
 */
export function sharedAnswer<T extends object>(value: T): T {
  deepFreeze(value);
  if (!shared.has(value)) shared.set(value, null);
  return value;
}

/**
 * A caller's answer: every field of a `sharedAnswer()` plus the caller's own fields (which
 * must not reuse the shared field names). Serializing it reuses the shared part's form.
 */
export function withCallerPart<B extends object, E extends Record<string, unknown>>(
  base: B,
  extra: E,
): B & E {
  const value = { ...base, ...extra };
  if (shared.has(base) && Object.keys(extra).every((key) => !Object.hasOwn(base, key)))
    composed.set(value, { base, extra });
  return value;
}

function serializeShared(value: object): SuperJSONResult {
  let result = shared.get(value);
  if (!result) {
    result = superjson.serialize(value);
    shared.set(value, result);
  }
  return result;
}

type Meta = NonNullable<SuperJSONResult["meta"]>;

/** Merges the annotations of two objects serialized apart whose fields end up side by side. */
function mergeMeta(a: Meta | undefined, b: Meta | undefined): Meta | undefined {
  if (!a) return b;
  if (!b) return a;
  const values =
    a.values || b.values
      ? { ...(a.values as Record<string, unknown>), ...(b.values as Record<string, unknown>) }
      : undefined;
  const referentialEqualities =
    a.referentialEqualities || b.referentialEqualities
      ? { ...a.referentialEqualities, ...b.referentialEqualities }
      : undefined;
  return {
    ...(values ? { values: values as Meta["values"] } : {}),
    ...(referentialEqualities ? { referentialEqualities } : {}),
    v: 1,
  } as Meta;
}

/** A record of field annotations, as superjson writes them for an object (not a root annotation). */
const isFieldRecord = (values: unknown) => values === undefined || !Array.isArray(values);

function serialize(value: unknown): SuperJSONResult {
  if (typeof value === "object" && value !== null) {
    if (shared.has(value)) return serializeShared(value);
    const parts = composed.get(value);
    if (parts) {
      const base = serializeShared(parts.base);
      const extra = superjson.serialize(parts.extra);
      if (isFieldRecord(base.meta?.values) && isFieldRecord(extra.meta?.values)) {
        const meta = mergeMeta(base.meta, extra.meta);
        return {
          json: { ...(base.json as object), ...(extra.json as object) },
          ...(meta ? { meta } : {}),
        };
      }
    }
  }
  return superjson.serialize(value);
}

export const transformer = {
  input: superjson,
  output: { serialize, deserialize: superjson.deserialize },
};
