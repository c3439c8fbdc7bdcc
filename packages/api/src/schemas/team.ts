import { z } from "zod";
import { chosenIdSchema, idempotencyKeySchema, idSchema, pageSizeSchema } from "./id";

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

export const createTeamSchema = z.object({
  name: teamNameSchema,
  /** The form's key for this submission: sent again (a double click, a retry), it answers the team already created. */
  idempotencyKey: idempotencyKeySchema("this team"),
});
export type CreateTeamInput = z.infer<typeof createTeamSchema>;

export const getTeamSchema = z.object({ slug: teamSlugSchema });

export const teamIdValueSchema = chosenIdSchema("Choose a team.", "That team id is not valid.", {
  trim: true,
});

export const roleSchema = z.enum(["OWNER", "ADMIN", "MEMBER", "VIEWER"], {
  error: "Choose a role: owner, admin, member or viewer.",
});

export const renameTeamSchema = z.object({ teamId: teamIdValueSchema, name: teamNameSchema });
export type RenameTeamInput = z.infer<typeof renameTeamSchema>;

export const deleteTeamSchema = z.object({
  teamId: teamIdValueSchema,
  confirmation: z
    .string({ error: "Type the team's name to confirm." })
    .max(200, { error: "Type the team's name to confirm." }),
});
export type DeleteTeamInput = z.infer<typeof deleteTeamSchema>;

export const teamOnlySchema = z.object({ teamId: teamIdValueSchema });

export const userIdSchema = chosenIdSchema("Choose a member.", "That member id is not valid.", {
  trim: true,
});

export const transferOwnershipSchema = z.object({
  teamId: teamIdValueSchema,
  userId: userIdSchema,
});
export type TransferOwnershipInput = z.infer<typeof transferOwnershipSchema>;

/** The team's audit trail a page at a time, newest first. */
export const listAuditSchema = z.object({
  teamId: teamIdValueSchema,
  /** The id of the oldest entry of the previous page: the page continues with older ones. */
  cursor: idSchema.nullish(),
  /** Entries per page (1 to 200; 50 unless given). */
  limit: pageSizeSchema("entries", 200, 50),
});
