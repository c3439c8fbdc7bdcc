import { describe, expect, it } from "vitest";
import { readIsoDate } from "../src/schemas/dates";
import { recommendationAtSchema } from "../src/schemas/history";
import { createProjectSchema, updateProjectSchema } from "../src/schemas/project";
import { reviseRecordSchema } from "../src/schemas/record";
import { createShareLinkSchema } from "../src/schemas/share";

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

const fieldMessages = (
  result: { error?: { issues: { path: PropertyKey[]; message: string }[] } },
  field: string,
) => (result.error?.issues ?? []).filter((i) => i.path[0] === field).map((i) => i.message);

const moment = (at: unknown) =>
  recommendationAtSchema.safeParse({ projectId: "cmproj0000000000000000000", at });

const expiry = (expiresAt: unknown) =>
  createShareLinkSchema.safeParse({ projectId: "cmproj0000000000000000000", expiresAt });

describe("the history's moment is read strictly", () => {
  it("refuses numbers, loose strings and days the calendar does not have, instead of moving them", () => {
    for (const loose of [0, 1, "1", "0", "", "yesterday", "2026-12-01 10:00", true]) {
      expect(fieldMessages(moment(loose), "at"), String(loose)).toEqual([
        expect.stringMatching(/^The moment is not a date: write it as .*2026-12-01T09:30:00Z/),
      ]);
    }
    expect(fieldMessages(moment("2026-02-30T10:00:00Z"), "at")).toEqual([
      "The moment has no day 2026-02-30 in the calendar: check the month and day (for example 2026-12-01T09:30:00Z).",
    ]);
    expect(fieldMessages(moment("1999-12-31T23:59:59Z"), "at")[0]).toBe(
      "The moment is in 1999: pick a year from 2000 on (for example 2026-12-01T09:30:00Z).",
    );
  });

  it("refuses a moment in the future: the history reaches up to now", () => {
    const later = new Date(Date.now() + 60 * 60_000);
    expect(fieldMessages(moment(later.toISOString()), "at")).toEqual([
      "The moment is in the future: the history reaches up to now. Pick a moment up to now.",
    ]);
    expect(fieldMessages(moment("2031-01-01T00:00:00Z"), "at")[0]).toContain("in the future");
  });

  it("takes an ISO moment with its offset, a Date, and a clock a little ahead of the server's", () => {
    expect(moment("2026-11-30T09:30+02:00").data?.at).toEqual(new Date("2026-11-30T07:30:00Z"));
    expect(moment("2026-11-30").data?.at).toEqual(new Date("2026-11-30T00:00:00Z"));
    const now = new Date();
    expect(moment(now).data?.at).toEqual(now);
    const ahead = new Date(Date.now() + 60_000);
    expect(moment(ahead.toISOString()).success).toBe(true);
  });
});

describe("a share link's expiry is read strictly", () => {
  it("refuses numbers, loose strings and days the calendar does not have", () => {
    for (const loose of [0, 1, "1", 99999999999999, "tomorrow", "2030-06-01 10:00"]) {
      expect(fieldMessages(expiry(loose), "expiresAt"), String(loose)).toEqual([
        expect.stringMatching(/^The expiry date is not a date: write it as .*2027-02-28/),
      ]);
    }
    expect(fieldMessages(expiry("2030-02-30"), "expiresAt")).toEqual([
      "The expiry date has no day 2030-02-30 in the calendar: check the month and day (for example 2027-02-28).",
    ]);
  });

  it("refuses a past expiry and takes a day, a moment, a Date, or none", () => {
    expect(fieldMessages(expiry("2020-01-01"), "expiresAt")).toEqual([
      "Pick an expiry date in the future.",
    ]);
    const year = new Date().getUTCFullYear() + 1;
    expect(expiry(`${year}-03-01`).data?.expiresAt).toEqual(new Date(`${year}-03-01T00:00:00Z`));
    expect(expiry(`${year}-03-01T23:59:59Z`).data?.expiresAt).toEqual(
      new Date(`${year}-03-01T23:59:59Z`),
    );
    expect(expiry(new Date(`${year}-03-01T23:59:59Z`)).data?.expiresAt).toEqual(
      new Date(`${year}-03-01T23:59:59Z`),
    );
    expect(expiry(null).data?.expiresAt).toBeNull();
    expect(expiry(undefined).data?.expiresAt).toBeNull();
  });
});
