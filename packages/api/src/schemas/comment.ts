import { z } from "zod";
import { idempotencyKeySchema, idSchema, pageSizeSchema } from "./id";

export const COMMENT_MAX = 10_000;

const projectId = idSchema;
const commentId = idSchema;
const body = z
  .string()
  .trim()
  .min(1, { error: "Write something first." })
  .max(COMMENT_MAX, {
    error: `Keep a comment under ${COMMENT_MAX.toLocaleString("en")} characters.`,
  });

/** null or absent: the thread of the whole project; a key: the thread of that criterion. */
const criterionKey = z.string().min(1).max(40).nullish();

export const listCommentsSchema = z.object({
  projectId,
  /**
   * One thread: null for the whole project's, a criterion's key for that criterion's. Absent:
   * every thread together.
   */
  thread: z
    .string({ error: "Name the thread by its criterion's key, or null for the whole project." })
    .min(1, { error: "Name the thread by its criterion's key, or null for the whole project." })
    .max(40, { error: "A criterion's key has 40 characters or fewer." })
    .nullish(),
  /** The id of the oldest comment of the previous page: the page continues with older ones. */
  cursor: idSchema.nullish(),
  /** Comments per page (1 to 200; 50 unless given). */
  limit: pageSizeSchema("comments", 200, 50),
});
/**
 * A key the page makes for each comment it writes (a UUID): sent again with the same comment
 * (a double click, a retry), it answers the comment already added instead of adding another.
 */
const idempotencyKey = idempotencyKeySchema("this comment");

export const createCommentSchema = z.object({ projectId, criterionKey, body, idempotencyKey });
export const editCommentSchema = z.object({ projectId, commentId, body });
export const deleteCommentSchema = z.object({ projectId, commentId });
export const myMentionsSchema = z.object({ teamId: idSchema });
export const markMentionsSeenSchema = z.object({ projectId });
