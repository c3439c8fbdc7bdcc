import { z } from "zod";

/** A record's id in an input (projects, teams, links, tokens...): never empty, never long. */
export const idSchema = z.string().min(1).max(64);

/**
 * A key the client makes for one thing it asks to create (a UUID, kept across a double click
 * and a retry): sent again, the API answers the first request's result instead of creating
 * another. `what` names the thing in the message, "this decision".
 */
export const idempotencyKeySchema = (what: string) =>
  z
    .uuid({ error: `Send the idempotency key as a UUID made for ${what}, or leave it out.` })
    .optional();
