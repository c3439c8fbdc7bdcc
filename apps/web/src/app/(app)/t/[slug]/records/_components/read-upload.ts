import { unzipSync } from "fflate";

/**
 * Turns what someone dropped or picked (a zip of a docs/decisions folder, or .md files) into
 * the files `export.importFolder` reads, with the limits the server and the CLI apply: a record
 * file is at most 512 KB, an import at most 1000 files. Larger files and files that are not
 * Markdown are sent without their content, so the server's preview gives them their reason;
 * what cannot be taken out of a zip gets its reason here.
 */

export const MAX_RECORD_FILE_BYTES = 512 * 1024;
export const MAX_IMPORT_FILES = 1000;
/** A zip larger than this is refused before it is opened. */
export const MAX_ZIP_BYTES = 20 * 1024 * 1024;
/** What a zip's record files may add up to once unpacked (a zip bomb stops here). */
export const MAX_UNPACKED_BYTES = 20 * 1024 * 1024;

export type ImportFile = { name: string; size: number; content: string | null };
export type Skipped = { fileName: string; reason: string };
export type Upload = { name: string; bytes: Uint8Array };

/** A refusal of the whole upload, in words for the person who made it. */
export class UploadError extends Error {}

const isZip = (name: string) => name.toLowerCase().endsWith(".zip");
const isMarkdown = (name: string) => name.toLowerCase().endsWith(".md");

/** Base64 of bytes, in chunks (String.fromCharCode takes a bounded number of arguments). */
export function toBase64(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fileOf(name: string, bytes: Uint8Array | null, size: number): ImportFile {
  const readable = bytes !== null && isMarkdown(name) && size <= MAX_RECORD_FILE_BYTES;
  return { name, size, content: readable ? toBase64(bytes) : null };
}

/** The entries of one zip: names as the zip has them (the server refuses a path that leaves the folder). */
function readZip(upload: Upload, files: ImportFile[], skipped: Skipped[]) {
  if (upload.bytes.length > MAX_ZIP_BYTES)
    throw new UploadError(
      `${upload.name} is ${(upload.bytes.length / 1024 / 1024).toFixed(1)} MB; a zip of records is at most ${MAX_ZIP_BYTES / 1024 / 1024} MB. Zip only the decisions folder, or import it in parts.`,
    );
  let unpacked = 0;
  let count = files.length;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(upload.bytes, {
      filter(entry) {
        // Folders are only structure; macOS adds a copy of each file's attributes.
        if (entry.name.endsWith("/")) return false;
        if (entry.name.startsWith("__MACOSX/") || entry.name.split("/").at(-1)?.startsWith("._")) {
          skipped.push({ fileName: entry.name, reason: "macOS file attributes, not a record" });
          return false;
        }
        count += 1;
        if (count > MAX_IMPORT_FILES)
          throw new UploadError(
            `${upload.name} holds more than ${MAX_IMPORT_FILES} files; an import reads at most ${MAX_IMPORT_FILES}. Import the folder in parts.`,
          );
        // Not Markdown, or too large: listed with its size, never unpacked.
        if (!isMarkdown(entry.name) || entry.originalSize > MAX_RECORD_FILE_BYTES) {
          files.push(fileOf(entry.name, null, entry.originalSize));
          return false;
        }
        if (entry.compression !== 0 && entry.compression !== 8) {
          skipped.push({
            fileName: entry.name,
            reason: `compressed with a method this import cannot read (${entry.compression}); zip it again with the usual (deflate) compression`,
          });
          return false;
        }
        unpacked += entry.originalSize;
        if (unpacked > MAX_UNPACKED_BYTES)
          throw new UploadError(
            `${upload.name} unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB of records; import the folder in parts.`,
          );
        return true;
      },
    });
  } catch (error) {
    if (error instanceof UploadError) throw error;
    throw new UploadError(
      `${upload.name} cannot be opened as a zip file: it is damaged or not a zip.`,
    );
  }
  for (const [name, bytes] of Object.entries(entries))
    files.push(fileOf(name, bytes, bytes.length));
}

/**
 * Every upload as the import's files, and what could not be taken out of a zip (when nothing
 * else is left, `files` is empty and the reasons say why).
 */
export function readUploads(uploads: Upload[]): { files: ImportFile[]; skipped: Skipped[] } {
  const files: ImportFile[] = [];
  const skipped: Skipped[] = [];
  for (const upload of uploads) {
    if (isZip(upload.name)) readZip(upload, files, skipped);
    else files.push(fileOf(upload.name, upload.bytes, upload.bytes.length));
    if (files.length > MAX_IMPORT_FILES)
      throw new UploadError(
        `That is more than ${MAX_IMPORT_FILES} files; an import reads at most ${MAX_IMPORT_FILES}. Import the folder in parts.`,
      );
  }
  if (files.length === 0 && skipped.length === 0)
    throw new UploadError(
      "That zip is empty. Choose a zip of your docs/decisions folder, or its .md files.",
    );
  return { files, skipped };
}
