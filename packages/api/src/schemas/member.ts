import { z } from "zod";
import { roleSchema, teamIdValueSchema, userIdSchema } from "./team";

export const changeRoleSchema = z.object({
  teamId: teamIdValueSchema,
  userId: userIdSchema,
  role: roleSchema,
});
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

export const removeMemberSchema = z.object({ teamId: teamIdValueSchema, userId: userIdSchema });
export type RemoveMemberInput = z.infer<typeof removeMemberSchema>;
