import { z } from "zod";

/** A record's id in an input (projects, teams, links, tokens...): never empty, never long. */
export const idSchema = z.string().min(1).max(64);

/**
 * The id of something the caller picks (a team, a member, a webhook): `choose` asks for it when
 * it is missing or empty, `invalid` says it cannot be one. `trim`: spaces around it are dropped
 * before it is checked.
 */
export function chosenIdSchema(choose: string, invalid: string, opts: { trim?: boolean } = {}) {
  const text = z.string({ error: choose });
  return (opts.trim ? text.trim() : text).min(1, { error: choose }).max(64, { error: invalid });
}

/**
 * How many things one page lists: a whole number from 1 to `max`, `byDefault` unless given.
 * `things` names them in the messages, "projects".
 */
export const pageSizeSchema = (things: string, max: number, byDefault: number) =>
  z
    .number({ error: `The page size is a number of ${things}.` })
    .int({ error: "The page size is a whole number." })
    .min(1, { error: `Ask for 1 to ${max} ${things} a page.` })
    .max(max, { error: `Ask for 1 to ${max} ${things} a page.` })
    .default(byDefault);

/**
 * A key the client makes for one thing it asks to create (a UUID, kept across a double click
 * and a retry): sent again, the API answers the first request's result instead of creating
 * another. `what` names the thing in the message, "this decision".
 */
export const idempotencyKeySchema = (what: string) =>
  z
    .uuid({ error: `Send the idempotency key as a UUID made for ${what}, or leave it out.` })
    .optional();
