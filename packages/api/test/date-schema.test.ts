import { describe, expect, it } from "vitest";
import { readIsoDate } from "../src/schemas/dates";
import { createProjectSchema, updateProjectSchema } from "../src/schemas/project";
import { reviseRecordSchema } from "../src/schemas/record";

/** The messages about the date field (the other fields of these inputs are not under test). */
const messages = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? [])
    .filter((i) => i.path[0] === "reviewDate" || i.path[0] === "deadline")
    .map((i) => i.message);

const revise = (reviewDate: unknown) =>
  reviseRecordSchema.safeParse({
    projectId: "cmproj0000000000000000000",
    chosenOptionKey: "kafka",
    rationale: "Kept.",
    note: "x",
    reviewDate,
  });

const deadline = (value: unknown) =>
  updateProjectSchema.safeParse({ projectId: "cmproj0000000000000000000", deadline: value });

describe("review dates and deadlines are read strictly", () => {
  it("refuses a day the calendar does not have instead of moving it to another day", () => {
    const result = revise("2027-02-30");
    expect(result.success).toBe(false);
    expect(messages(result)).toEqual([
      "The review date has no day 2027-02-30 in the calendar: check the month and day (for example 2027-03-31).",
    ]);
    expect(messages(revise("2027-13-45"))[0]).toContain("has no day 2027-13-45");
    expect(messages(deadline("2027-04-31T10:00:00Z"))).toEqual([
      "The deadline has no day 2027-04-31 in the calendar: check the month and day (for example 2027-03-31T17:00:00Z).",
    ]);
  });

  it("refuses numbers, loose strings and years far out, saying what to write", () => {
    expect(messages(deadline(99999999999999))).toEqual([
      "The deadline is not a date: write it as 2027-03-31T17:00:00Z.",
    ]);
    expect(messages(revise("March 3, 2027"))).toEqual([
      "The review date is not a date: write it as YYYY-MM-DD (for example 2027-03-31).",
    ]);
    expect(messages(deadline("5138-11-16T00:00:00Z"))[0]).toMatch(
      /^The deadline is in 5138: pick a year from 2000 to \d{4}/,
    );
    expect(messages(revise("1999-12-31"))[0]).toMatch(/is in 1999: pick a year from 2000/);
    expect(messages(deadline(new Date(Number.NaN)))).toEqual([
      "The deadline is not a date: write it as 2027-03-31T17:00:00Z.",
    ]);
  });

  it("accepts what the forms and the CLI send: a day, or an ISO date and time with its offset", () => {
    expect(revise("2028-02-29").data?.reviewDate).toEqual(new Date("2028-02-29T00:00:00Z"));
    // The web form's Date, as JSON carries it.
    expect(revise("2027-03-01T00:00:00.000Z").data?.reviewDate).toEqual(
      new Date("2027-03-01T00:00:00Z"),
    );
    expect(revise(null).data?.reviewDate).toBeNull();
    expect(deadline("2027-06-01T09:30+02:00").data?.deadline).toEqual(
      new Date("2027-06-01T07:30:00Z"),
    );
    const create = createProjectSchema.safeParse({
      teamId: "cmteam0000000000000000000",
      title: "Which queue?",
      options: [
        { key: "a", name: "A" },
        { key: "b", name: "B" },
      ],
      criteria: [{ key: "c", name: "C", defaultWeight: 3 }],
      deadline: new Date("2027-06-01T09:30:00Z"),
    });
    expect(create.data?.deadline).toEqual(new Date("2027-06-01T09:30:00Z"));
  });

  it("bounds the year to ten years from today", () => {
    const now = new Date("2026-12-06T00:00:00Z");
    expect(readIsoDate("2036-12-31", now)).toEqual(new Date("2036-12-31T00:00:00Z"));
    expect(readIsoDate("2037-01-01", now)).toBe("is in 2037: pick a year from 2000 to 2036");
    expect(readIsoDate("2027-02-28T24:00:00Z", now)).toBe("is not a date: write it as YYYY-MM-DD");
  });
});
