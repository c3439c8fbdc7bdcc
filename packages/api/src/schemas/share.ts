import { z } from "zod";
import { strictDateSchema } from "./dates";
import { idempotencyKeySchema, idSchema } from "./id";

export const createShareLinkSchema = z.object({
  projectId: idSchema,
  /** Individual votes stay private unless the person sharing chooses otherwise. */
  showVotes: z.boolean().default(false),
  /** A day (`2027-02-28`, the link works until it starts) or a moment with its offset. */
  expiresAt: strictDateSchema("The expiry date", "2027-02-28")
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
