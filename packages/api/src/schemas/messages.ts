import { z } from "zod";

/**
 * Plain-words messages for every input check that does not carry its own. Most fields name
 * their rule themselves ("Keep the template name to 80 characters or fewer."); this is what a
 * caller of the API, the REST API or the CLI reads for the rest (a list given as text, a number
 * out of range, an unknown choice), in place of zod's defaults ("Invalid input: expected
 * string, received number"). Each says what is wrong and what to send instead; the field is
 * named by the `fieldErrors` key it is listed under.
 *
 * zod's documented global error map (`z.config({ customError })`): a schema's own message still
 * wins over it. Installed once, by the modules that parse inputs (`trpc.ts`, `schemas/index.ts`).
 */
export function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return `This field is required: send ${kind(issue.expected)}.`;
      return `Send ${kind(issue.expected)} here, not ${received(issue.input)}.`;
    case "too_small":
      return tooSmall(issue.origin, Number(issue.minimum), issue.inclusive !== false);
    case "too_big":
      return tooBig(issue.origin, Number(issue.maximum), issue.inclusive !== false);
    case "invalid_value":
      return issue.values.length === 1
        ? `Send ${JSON.stringify(issue.values[0])} here.`
        : `Choose one of ${issue.values.map((value) => JSON.stringify(value)).join(", ")}.`;
    case "invalid_format":
      return issue.format === "email"
        ? "Enter an email address, like name@example.com."
        : `This is not a valid ${issue.format}.`;
    case "not_multiple_of":
      return `Send a multiple of ${String(issue.divisor)}.`;
    case "unrecognized_keys":
      return `Remove the unknown ${issue.keys.length === 1 ? "field" : "fields"} ${issue.keys.join(", ")}.`;
    case "invalid_key":
      return "One of this object's keys is not accepted: check their names.";
    case "invalid_element":
      return "One of the values in this list or map is not accepted.";
    case "invalid_union":
      return "This value has none of the accepted forms: check the API's description of this field.";
    default:
      return undefined;
  }
}

/** What a schema expects, in words: "text", "a whole number", "a list". */
function kind(expected: string): string {
  const words: Record<string, string> = {
    string: "text",
    number: "a number",
    int: "a whole number",
    boolean: "true or false",
    array: "a list",
    object: "an object of named fields",
    record: "an object of named values",
    date: "a date",
    bigint: "a whole number",
    nonoptional: "a value",
    null: "null",
  };
  return words[expected] ?? `a ${expected}`;
}

/** What was sent instead, in words. */
function received(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "a list";
  if (typeof input === "number") {
    if (Number.isNaN(input)) return "NaN";
    if (!Number.isFinite(input)) return "an infinite number";
    return Number.isInteger(input) ? "a number" : "a fraction";
  }
  if (typeof input === "string") return "text";
  if (typeof input === "boolean") return "true or false";
  if (typeof input === "object") return "an object";
  return typeof input;
}

function tooSmall(origin: string, minimum: number, inclusive: boolean): string {
  const least = inclusive ? minimum : minimum + (origin === "int" ? 1 : 0);
  switch (origin) {
    case "string":
      return least <= 1 ? "This can't be empty." : `Use at least ${least} characters.`;
    case "array":
    case "set":
      return least <= 1 ? "Give at least one." : `Give at least ${least}.`;
    default:
      return inclusive ? `Use ${minimum} or more.` : `Use more than ${minimum}.`;
  }
}

function tooBig(origin: string, maximum: number, inclusive: boolean): string {
  switch (origin) {
    case "string":
      return `Keep this to ${maximum} characters or fewer.`;
    case "array":
    case "set":
      return `Give ${maximum} or fewer.`;
    default:
      return inclusive ? `Use ${maximum} or less.` : `Use less than ${maximum}.`;
  }
}

z.config({ customError: plainMessage });
