import { z } from "zod";
import { eventIdSchema } from "./history";

export const projectStreamSchema = z.object({
  projectId: z.string().min(1).max(64),
  /** Sent by the client when it reconnects (tRPC fills it from the last tracked event). */
  lastEventId: eventIdSchema.nullish(),
});
