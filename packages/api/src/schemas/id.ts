import { z } from "zod";

/** A record's id in an input (projects, teams, links, tokens...): never empty, never long. */
export const idSchema = z.string().min(1).max(64);
