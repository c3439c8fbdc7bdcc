import { z } from "zod";
import { eventIdSchema } from "./history";
import { idSchema } from "./id";

export const projectStreamSchema = z.object({
  projectId: idSchema,
  /** Sent by the client when it reconnects (tRPC fills it from the last tracked event). */
  lastEventId: eventIdSchema.nullish(),
});
