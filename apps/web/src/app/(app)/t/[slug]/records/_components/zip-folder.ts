import { strToU8, zipSync } from "fflate";
import { saveBlob } from "~/components/app/save-blob";

/** Entries of the zip carry this time, so the same folder always makes the same zip. */
const FIXED_TIME = new Date("2020-01-01T00:00:00Z");

/** The folder export's files (the ones `tradeoff export --all` writes) as one zip. */
export function zipFolder(files: { name: string; content: string }[]): Uint8Array<ArrayBuffer> {
  return zipSync(
    Object.fromEntries(files.map((f) => [f.name, [strToU8(f.content), { mtime: FIXED_TIME }]])),
    { level: 6 },
  );
}

/** Saves bytes as a download named `fileName`. */
export function saveFile(bytes: Uint8Array<ArrayBuffer>, fileName: string, type: string) {
  saveBlob(new Blob([bytes], { type }), fileName);
}
