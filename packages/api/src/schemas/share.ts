import { z } from "zod";
import { idempotencyKeySchema, idSchema } from "./id";

export const createShareLinkSchema = z.object({
  projectId: idSchema,
  /** Individual votes stay private unless the person sharing chooses otherwise. */
  showVotes: z.boolean().default(false),
  expiresAt: z.coerce
    .date({ error: "Pick a valid expiry date (YYYY-MM-DD)." })
    .nullish()
    .transform((v) => v ?? null)
    .refine((v) => v === null || v.getTime() > Date.now(), {
      error: "Pick an expiry date in the future.",
    }),
  /**
   * A key the page makes for each attempt (a UUID): sent again, it is refused with CONFLICT
   * naming the link already created, since its address was shown once and only its hash is kept.
   */
  idempotencyKey: idempotencyKeySchema("this share link"),
});
export const revokeShareLinkSchema = z.object({ projectId: idSchema, linkId: idSchema });
export const listShareLinksSchema = z.object({ projectId: idSchema });
/** Share tokens are 43 base64url characters; anything else is not a link of ours. */
export const viewSharedSchema = z.object({ token: z.string().min(20).max(100) });
