import { z } from "zod";

/**
 * Optional free text (a comment, a reason, a quote): trimmed and at most `max` characters, with
 * `tooLong` saying so in the field's own words; sent blank or left out, it is stored as null.
 */
export const optionalTextSchema = (max: number, tooLong?: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong === undefined ? undefined : { error: tooLong })
    .nullish()
    .transform((v) => v || null);
