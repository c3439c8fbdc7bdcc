import {
  authenticateRequest,
  DomainError,
  exportRecordStream,
  exportSchema,
  resolveExportScope,
} from "@tradeoff/api/server";
import { getSessionUser } from "~/server/auth";
import { db } from "~/server/db";
import { logger } from "~/server/logger";
import { appOrigin } from "~/server/origin";

const text = (status: number, message: string) =>
  new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** The HTTP status of an export the product refuses (the API's own mapping of these kinds). */
const REFUSED_STATUS: Record<DomainError["kind"], number> = {
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429,
};

/**
 * Downloads an export as a file, streamed: a JSON or history export of a huge project goes out
 * batch by batch instead of being built in memory. Same rules as `export.file`: any member of
 * the project's team, by session cookie or personal access token.
 */
export async function GET(req: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const url = new URL(req.url);
  const parsed = exportSchema.safeParse({
    projectId,
    format: url.searchParams.get("format") ?? "madr",
    table: url.searchParams.get("table") ?? undefined,
    paper: url.searchParams.get("paper") ?? undefined,
  });
  // Names the parameter that is wrong: a valid format with a mistyped `table` is not told
  // that its format is unknown.
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.path[0] === "projectId") return text(404, "Decision project was not found.");
    return text(400, issue?.message ?? "Invalid export.");
  }

  const bearer = await authenticateRequest(db(), req);
  if (bearer.kind === "refused") return bearer.response;
  const user = bearer.kind === "token" ? bearer.user : await getSessionUser();
  if (!user) return text(401, "Sign in to download this export.");
  const scope = await resolveExportScope(db(), user, projectId);
  if (!scope) return text(404, "Decision project was not found.");

  let file: Awaited<ReturnType<typeof exportRecordStream>>;
  try {
    // Links in the file name the app's public address (NEXTAUTH_URL), never the address this
    // request reached, which behind a proxy is an internal one.
    file = await exportRecordStream(db(), { ...scope, appUrl: appOrigin(req) }, parsed.data);
  } catch (error) {
    // A refusal (an open blind vote's votes CSV) says why, as the page's download alert shows it.
    if (error instanceof DomainError) return text(REFUSED_STATUS[error.kind], error.message);
    throw error;
  }
  const encoder = new TextEncoder();
  const iterator = file.chunks[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(typeof value === "string" ? encoder.encode(value) : value);
      } catch (error) {
        logger.error({ err: error, projectId }, "export failed while streaming");
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": file.mimeType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
