import { slugOf } from "../../domain/slug";
import type { RecordView } from "../record/record-view";

/**
 * A title as a file-name slug: accents folded, anything but a-z and 0-9 becomes one dash, at
 * most 60 characters, never empty. Safe on every file system and in a URL.
 */
export function slugify(title: string): string {
  return slugOf(title, 60).replace(/-+$/, "") || "decision";
}

/** MADR's `NNNN-title-with-dashes`: the project's number within its team, zero-padded. */
export function recordBaseName(view: {
  project: Pick<RecordView["project"], "number" | "title">;
}): string {
  return `${String(view.project.number).padStart(4, "0")}-${slugify(view.project.title)}`;
}
