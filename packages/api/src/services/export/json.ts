import type { RecordView } from "../record/record-view";
import { type ExportEvent, redactEvent } from "./events";
import { recordStatusOf } from "./record-status";

/** Names the JSON export format; bumped when a field changes meaning or disappears. */
export const JSON_EXPORT_FORMAT = "tradeoff.decision-record";
export const JSON_EXPORT_VERSION = 1;

/** The JSON export without its events (they are streamed after it). See docs/decision-records.md. */
export function jsonExportHead(view: RecordView) {
  return {
    format: JSON_EXPORT_FORMAT,
    version: JSON_EXPORT_VERSION,
    exportedAt: view.generatedAt,
    draft: view.draft,
    /** The record's status in MADR's words: proposed, accepted, rejected, deprecated, superseded. */
    recordStatus: recordStatusOf({
      status: view.project.status,
      recorded: view.decision !== null,
      sourceStatus: view.source?.status ?? null,
    }),
    team: { name: view.team.name, slug: view.team.slug },
    project: {
      number: view.project.number,
      title: view.project.title,
      context: view.project.context,
      status: view.project.status,
      votingMode: view.project.votingMode,
      method: view.project.method,
      round: view.project.round,
      templateKey: view.project.templateKey,
      tags: view.project.tags,
      createdAt: view.project.createdAt,
      openedAt: view.project.openedAt,
      closedAt: view.project.closedAt,
      url: view.url,
    },
    options: view.options,
    criteria: view.criteria,
    votes: view.votes,
    result: view.result,
    coverage: view.coverage,
    participation: view.participation,
    /** Stored votes the result leaves out because their scores cannot be read. */
    unreadableVotes: view.unreadableVotes,
    status: view.status,
    decision: view.decision,
    supersedes: view.supersedes.map(({ number, title }) => ({ number, title })),
    supersededBy: view.supersededBy.map(({ number, title }) => ({ number, title })),
  };
}

/**
 * The JSON export as text chunks: the record first, then the events one per line as they are
 * read, so a history of any length streams through in constant memory.
 */
export async function* jsonExportChunks(
  view: RecordView,
  eventBatches: AsyncIterable<ExportEvent[]>,
): AsyncGenerator<string> {
  const head = JSON.stringify(jsonExportHead(view), null, 2);
  yield `${head.slice(0, -2)},\n  "events": [`;
  const hideVotes = view.votes === null;
  let first = true;
  for await (const batch of eventBatches) {
    let chunk = "";
    for (const event of batch) {
      chunk += `${first ? "\n" : ",\n"}    ${JSON.stringify(hideVotes ? redactEvent(event) : event)}`;
      first = false;
    }
    yield chunk;
  }
  yield `${first ? "" : "\n  "}]\n}\n`;
}

export async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}
