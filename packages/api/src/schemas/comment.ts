import { z } from "zod";
import { idempotencyKeySchema, idSchema } from "./id";

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

export const listCommentsSchema = z.object({ projectId });
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
