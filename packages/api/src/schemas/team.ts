import { z } from "zod";

export const teamNameSchema = z
  .string({ error: "Enter a team name." })
  .trim()
  .min(1, { error: "Enter a team name." })
  .max(80, { error: "Keep the team name to 80 characters or fewer." });

export const teamSlugSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9-]+$/, { error: "A team address uses lowercase letters, digits and dashes." });

export const createTeamSchema = z.object({ name: teamNameSchema });
export type CreateTeamInput = z.infer<typeof createTeamSchema>;

export const getTeamSchema = z.object({ slug: teamSlugSchema });
