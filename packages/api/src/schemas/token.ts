import { z } from "zod";
import { idempotencyKeySchema, idSchema } from "./id";

export const TOKEN_SCOPES = ["READ", "READ_WRITE"] as const;
export const createTokenSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: "Name the token, for example “laptop CLI”." })
    .max(80, { error: "Keep the name to 80 characters or fewer." }),
  scope: z.enum(TOKEN_SCOPES).default("READ"),
  /** Null for a token that lasts until it is revoked. */
  expiresInDays: z.number().int().min(1).max(366).nullish(),
  /**
   * A key the form makes for each attempt (a UUID): sent again, it is refused with CONFLICT
   * naming the token already created, since its secret was shown once.
   */
  idempotencyKey: idempotencyKeySchema("this token"),
});
export const revokeTokenSchema = z.object({ tokenId: idSchema });

/** The page of revoked tokens after `cursor` (the last revoked token of the previous page). */
export const listTokensSchema = z.object({ cursor: idSchema.nullish() }).optional().default({});
