import { describe, expect, it } from "vitest";
import { z } from "zod";
import { procedureEntries } from "../src/procedures";
import "../src/schemas/messages";

/**
 * Every refusal of an API input speaks plain words: a caller of the REST API or the CLI reads
 * what is wrong and what to send, never zod's defaults ("Invalid input: expected string,
 * received number", "Too small: expected string to have >=1 characters", "Invalid option:
 * expected one of ..."). Each procedure's every field gets values of every wrong kind.
 */
const ZOD_DEFAULT =
  /^Invalid (input|option)|expected .+, received |^Too (small|big): |^Unrecognized key/;

const WRONG_VALUES: unknown[] = [
  undefined,
  null,
  -1,
  0,
  1.5,
  Number.NaN,
  99_999_999,
  "",
  "not-one-of-the-choices",
  "x".repeat(20_000),
  true,
  [],
  [1, "two", null],
  {},
  { a: 1 },
];

function fieldNames(schema: z.ZodType): string[] {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, unknown>;
  };
  return Object.keys(json.properties ?? {});
}

const withInput = procedureEntries.flatMap(([path, { input }]) =>
  input ? [{ path, schema: input as z.ZodType }] : [],
);

describe("input messages", () => {
  it("sweeps the procedures that take input", () => {
    expect(withInput.length).toBeGreaterThan(50);
  });

  it.each(withInput)("$path names what is wrong in plain words", async ({ path, schema }) => {
    const defaults: string[] = [];
    let refusals = 0;
    for (const field of fieldNames(schema)) {
      for (const value of WRONG_VALUES) {
        const result = await schema.safeParseAsync({ [field]: value });
        if (result.success) continue;
        for (const issue of result.error.issues) {
          refusals++;
          if (ZOD_DEFAULT.test(issue.message)) {
            defaults.push(
              `${path} ${issue.path.join(".")} ← ${String(value).slice(0, 20)}: ${issue.message}`,
            );
          }
        }
      }
    }
    expect(refusals).toBeGreaterThan(0);
    expect(defaults).toEqual([]);
  });

  it("says which choices there are, what kind of value is wanted, and the limits", () => {
    const format = z.enum(["madr", "pdf"]);
    expect(format.safeParse("docx").error?.issues[0]?.message).toBe('Choose one of "madr", "pdf".');
    expect(z.string().safeParse(3).error?.issues[0]?.message).toBe("Send text here, not a number.");
    expect(z.number().int().safeParse(1.5).error?.issues[0]?.message).toBe(
      "Send a whole number here, not a fraction.",
    );
    expect(z.object({ a: z.string() }).safeParse({}).error?.issues[0]?.message).toBe(
      "This field is required: send text.",
    );
    expect(z.string().min(1).safeParse("").error?.issues[0]?.message).toBe("This can't be empty.");
    expect(z.string().max(64).safeParse("x".repeat(65)).error?.issues[0]?.message).toBe(
      "Keep this to 64 characters or fewer.",
    );
    expect(z.number().max(100).safeParse(101).error?.issues[0]?.message).toBe("Use 100 or less.");
    expect(z.array(z.string()).min(1).safeParse([]).error?.issues[0]?.message).toBe(
      "Give at least one.",
    );
    // A schema's own message still wins.
    expect(z.string({ error: "Name the team." }).safeParse(3).error?.issues[0]?.message).toBe(
      "Name the team.",
    );
  });
});
