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
 *
 * `serializeToJson` goes one step further for the HTTP answer: the JSON text of a shared
 * answer is made once too, and a caller's answer is that text with the caller's few fields
 * written next to it (writing the recommendation's 7 kB of JSON again costs more than the
 * rest of its serialization).
 */
import superjson, { type SuperJSONResult } from "superjson";

/** A shared answer's serialized form and, once asked for, its JSON text. */
type SharedForm = {
  result: SuperJSONResult;
  /** `JSON.stringify(result)`. */
  text?: string;
  /** The members of `result.json` (a plain object) as JSON text, without the braces. */
  fields?: string;
};

/** Answers that never change once built (deep-frozen), with their serialized form once made. */
const shared = new WeakMap<object, SharedForm | null>();
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

function sharedForm(value: object): SharedForm {
  let form = shared.get(value);
  if (!form) {
    form = { result: superjson.serialize(value) };
    shared.set(value, form);
  }
  return form;
}

const serializeShared = (value: object): SuperJSONResult => sharedForm(value).result;

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

const isPlainRecord = (json: unknown): json is Record<string, unknown> =>
  typeof json === "object" && json !== null && !Array.isArray(json);

/** A caller's answer split into the shared part's form and the caller's own serialized fields. */
function composedParts(value: object) {
  const parts = composed.get(value);
  if (!parts) return null;
  const base = sharedForm(parts.base);
  const extra = superjson.serialize(parts.extra);
  if (!isFieldRecord(base.result.meta?.values) || !isFieldRecord(extra.meta?.values)) return null;
  if (!isPlainRecord(base.result.json) || !isPlainRecord(extra.json)) return null;
  return { base, extra, meta: mergeMeta(base.result.meta, extra.meta) };
}

function serialize(value: unknown): SuperJSONResult {
  if (typeof value === "object" && value !== null) {
    if (shared.has(value)) return serializeShared(value);
    const parts = composedParts(value);
    if (parts) {
      const { base, extra, meta } = parts;
      return {
        json: { ...(base.result.json as object), ...(extra.json as object) },
        ...(meta ? { meta } : {}),
      };
    }
  }
  return superjson.serialize(value);
}

/** The members of a JSON object's text, without its braces ("" for an empty object). */
const objectFields = (text: string) => text.slice(1, -1);

/**
 * `JSON.stringify(serialize(value))`, reusing the JSON text of shared answers: the same
 * characters, made without writing the shared part again.
 */
export function serializeToJson(value: unknown): string {
  if (typeof value === "object" && value !== null) {
    if (shared.has(value)) {
      const form = sharedForm(value);
      form.text ??= JSON.stringify(form.result);
      return form.text;
    }
    const parts = composedParts(value);
    if (parts) {
      const { base, extra, meta } = parts;
      base.fields ??= objectFields(JSON.stringify(base.result.json));
      const own = objectFields(JSON.stringify(extra.json));
      const fields = base.fields && own ? `${base.fields},${own}` : base.fields || own;
      return `{"json":{${fields}}${meta ? `,"meta":${JSON.stringify(meta)}` : ""}}`;
    }
  }
  return JSON.stringify(serialize(value));
}

export const transformer = {
  input: superjson,
  output: { serialize, deserialize: superjson.deserialize },
};
