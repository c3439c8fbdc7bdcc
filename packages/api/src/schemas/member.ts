import { z } from "zod";
import { roleSchema, teamIdSchema, userIdSchema } from "./team";

export const changeRoleSchema = z.object({
  teamId: teamIdSchema,
  userId: userIdSchema,
  role: roleSchema,
});
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

export const removeMemberSchema = z.object({ teamId: teamIdSchema, userId: userIdSchema });
export type RemoveMemberInput = z.infer<typeof removeMemberSchema>;
