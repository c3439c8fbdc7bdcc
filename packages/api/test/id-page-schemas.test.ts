import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { endSessionSchema } from "../src/schemas/account";
import { listCommentsSchema } from "../src/schemas/comment";
import { invitationIdSchema } from "../src/schemas/invitation";
import { listProjectsSchema } from "../src/schemas/project";
import { teamOnlySchema, transferOwnershipSchema } from "../src/schemas/team";
import { webhookRefSchema } from "../src/schemas/webhook";

/** The messages a refused input gets, or the parsed value. */
function parse(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success
    ? { value: result.data }
    : { errors: result.error.issues.map((i) => i.message) };
}

describe("ids a caller picks", () => {
  it("asks for the thing when it is missing or empty, and says an overlong one is not an id", () => {
    const long = "x".repeat(65);
    expect(parse(teamOnlySchema, {}).errors).toEqual(["Choose a team."]);
    expect(parse(teamOnlySchema, { teamId: "   " }).errors).toEqual(["Choose a team."]);
    expect(parse(teamOnlySchema, { teamId: long }).errors).toEqual(["That team id is not valid."]);
    expect(parse(transferOwnershipSchema, { teamId: "t1", userId: "" }).errors).toEqual([
      "Choose a member.",
    ]);
    expect(parse(transferOwnershipSchema, { teamId: "t1", userId: long }).errors).toEqual([
      "That member id is not valid.",
    ]);
    expect(parse(webhookRefSchema, { teamId: "t1", webhookId: "" }).errors).toEqual([
      "Choose a webhook.",
    ]);
    expect(parse(webhookRefSchema, { teamId: "t1", webhookId: long }).errors).toEqual([
      "That webhook id is not valid.",
    ]);
    expect(parse(invitationIdSchema, { teamId: "t1", invitationId: "" }).errors).toEqual([
      "Choose an invitation.",
    ]);
    expect(parse(invitationIdSchema, { teamId: "t1", invitationId: long }).errors).toEqual([
      "That invitation id is not valid.",
    ]);
    // An empty id also fails the session id's pattern: the first message asks for one.
    expect(parse(endSessionSchema, { id: "" }).errors?.[0]).toBe("Say which session to sign out.");
    expect(parse(endSessionSchema, { id: long }).errors).toEqual(["That is not a session id."]);
  });

  it("drops the spaces around a team's and a member's id, and keeps them around others", () => {
    expect(parse(transferOwnershipSchema, { teamId: " t1 ", userId: " u1 " }).value).toEqual({
      teamId: "t1",
      userId: "u1",
    });
    expect(parse(webhookRefSchema, { teamId: "t1", webhookId: " w1 " }).value).toMatchObject({
      webhookId: " w1 ",
    });
  });
});

describe("page sizes", () => {
  it("are whole numbers within the list's range, its default unless given", () => {
    const comments = { projectId: "p1" };
    expect(parse(listCommentsSchema, comments).value).toMatchObject({ limit: 50 });
    expect(parse(listCommentsSchema, { ...comments, limit: 201 }).errors).toEqual([
      "Ask for 1 to 200 comments a page.",
    ]);
    expect(parse(listCommentsSchema, { ...comments, limit: 1.5 }).errors).toEqual([
      "The page size is a whole number.",
    ]);
    const projects = { teamId: "t1" };
    expect(parse(listProjectsSchema, projects).value).toMatchObject({ limit: 50 });
    expect(parse(listProjectsSchema, { ...projects, limit: 0 }).errors).toEqual([
      "Ask for 1 to 100 projects a page.",
    ]);
    expect(parse(listProjectsSchema, { ...projects, limit: "ten" }).errors).toEqual([
      "The page size is a number of projects.",
    ]);
  });
});
