import type { PrismaClient } from "@tradeoff/db";
import { DomainError } from "../../errors";
import type { ExportFormat } from "../../schemas/record";
import { folderFileName } from "../folder/export-folder";
import { loadRecordView } from "../record/record-view";
import { EVENTS_CSV_HEADER, eventsCsvRows, votesCsv } from "./csv";
import { projectEvents, redactEvent } from "./events";
import { recordBaseName } from "./file-name";
import { collect, jsonExportChunks } from "./json";
import { toMarkdown } from "./markdown";
import { shownRecordText } from "./markdown-text";
import { type HistorySummary, type Paper, toPdf } from "./pdf";

/** Why an open blind vote has no votes CSV. */
const VOTES_HIDDEN =
  "This blind vote is still open: everyone's votes stay hidden until it closes, so a votes CSV would have no rows. Download it once voting is closed; the history CSV and the other formats show what can be seen now.";

type Scope = { teamId: string; projectId: string; appUrl?: string | null };
export type ExportRequest = { format: ExportFormat; table?: "votes" | "events"; paper?: Paper };

const MIME: Record<ExportFormat, string> = {
  madr: "text/markdown; charset=utf-8",
  log4brains: "text/markdown; charset=utf-8",
  nygard: "text/markdown; charset=utf-8",
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  pdf: "application/pdf",
};

/**
 * An export as a file: its name, type and a stream of chunks. JSON and the events CSV read the
 * history a batch at a time, so the route handler can stream a project of any size.
 */
export async function exportRecordStream(db: PrismaClient, scope: Scope, req: ExportRequest) {
  const view = await loadRecordView(db, scope, { appUrl: scope.appUrl ?? null });
  const base = recordBaseName(view);
  const file = (ext: string, suffix = "") => ({
    fileName: `${base}${suffix}.${ext}`,
    mimeType: MIME[req.format],
  });
  const once = async function* (text: string | Uint8Array) {
    yield text;
  };
  switch (req.format) {
    case "madr":
    case "log4brains":
    case "nygard":
      // The name the record has in the team's folder, so the download is that file.
      return {
        fileName: await folderFileName(db, scope, req.format),
        mimeType: MIME[req.format],
        chunks: once(toMarkdown(view, req.format)),
      };
    case "json":
      return { ...file("json"), chunks: jsonExportChunks(view, projectEvents(db, scope)) };
    case "csv":
      if (req.table === "events") {
        const hide = view.votes === null;
        return {
          ...file("csv", "-events"),
          chunks: (async function* () {
            yield EVENTS_CSV_HEADER;
            for await (const batch of projectEvents(db, scope))
              yield eventsCsvRows(hide ? batch.map(redactEvent) : batch);
          })(),
        };
      }
      // A file with a header and no rows would read as "nobody voted": said instead.
      if (view.votes === null) throw new DomainError("PRECONDITION_FAILED", VOTES_HIDDEN);
      return { ...file("csv", "-votes"), chunks: once(votesCsv(view)) };
    case "pdf":
      return {
        ...file("pdf"),
        chunks: once(
          await toPdf(shownRecordText(view), await historySummary(db, scope), req.paper ?? "a4"),
        ),
      };
  }
}

async function historySummary(db: PrismaClient, scope: Scope): Promise<HistorySummary> {
  const where = { projectId: scope.projectId, teamId: scope.teamId };
  const [byType, span] = await Promise.all([
    db.projectEvent.groupBy({ by: ["type"], where, _count: { _all: true } }),
    db.projectEvent.aggregate({ where, _min: { createdAt: true }, _max: { createdAt: true } }),
  ]);
  const count = (prefix: string) =>
    byType.filter((t) => t.type.startsWith(prefix)).reduce((n, t) => n + t._count._all, 0);
  return {
    events: byType.reduce((n, t) => n + t._count._all, 0),
    votes: count("vote."),
    comments: count("comment."),
    firstAt: span._min.createdAt?.toISOString() ?? null,
    lastAt: span._max.createdAt?.toISOString() ?? null,
  };
}

/**
 * The export as one value, for the tRPC API (the CLI and the page's download button): text
 * formats as text, the PDF as base64.
 */
export async function exportRecord(db: PrismaClient, scope: Scope, req: ExportRequest) {
  const { fileName, mimeType, chunks } = await exportRecordStream(db, scope, req);
  if (req.format === "pdf") {
    const parts: Uint8Array[] = [];
    for await (const chunk of chunks) parts.push(chunk as Uint8Array);
    return {
      fileName,
      mimeType,
      encoding: "base64" as const,
      content: Buffer.concat(parts).toString("base64"),
    };
  }
  return {
    fileName,
    mimeType,
    encoding: "utf8" as const,
    content: await collect(chunks as AsyncIterable<string>),
  };
}
