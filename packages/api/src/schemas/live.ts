import { z } from "zod";
import { strictDateSchema } from "./dates";
import { eventIdSchema } from "./history";
import { idSchema } from "./id";

export const projectStreamSchema = z.object({
  projectId: idSchema,
  /**
   * The last change the client has: the page's position when it rendered (`position`), then,
   * when it reconnects, the last tracked event (tRPC fills it in).
   */
  lastEventId: eventIdSchema.nullish(),
  /**
   * When the change at the page's position was last edited, as the page read it (`position`):
   * that change is sent again only if it was edited since (a vote folded into it).
   */
  lastEditAt: strictDateSchema(
    "The last edit (lastEditAt)",
    "2026-12-01T09:30:00.000Z",
    Number.POSITIVE_INFINITY,
  ).nullish(),
});

export const streamPositionSchema = z.object({ projectId: idSchema });
