import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { MAX_RECORD_FILE_BYTES, readUploads, UploadError } from "./read-upload";

const record = "---\nstatus: accepted\ndate: 2024-05-02\n---\n\n# Use Postgres\n";
const decode = (base64: string | null) =>
  base64 === null ? null : Buffer.from(base64, "base64").toString("utf8");

describe("reading an upload for the folder import", () => {
  it("takes the .md files out of a zip, and lists the others without their content", () => {
    const zip = zipSync({
      "decisions/0001-use-postgres.md": strToU8(record),
      "decisions/logo.png": new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      "decisions/empty/": new Uint8Array(),
      "__MACOSX/decisions/._0001-use-postgres.md": new Uint8Array([0, 5, 22]),
    });
    const { files, skipped } = readUploads([{ name: "decisions.zip", bytes: zip }]);
    expect(files.map((f) => [f.name, f.size, decode(f.content)])).toEqual([
      ["decisions/logo.png", 4, null],
      ["decisions/0001-use-postgres.md", record.length, record],
    ]);
    expect(skipped).toEqual([
      {
        fileName: "__MACOSX/decisions/._0001-use-postgres.md",
        reason: "macOS file attributes, not a record",
      },
    ]);
  });

  it("keeps a path that leaves the folder as the zip names it, for the server to refuse", () => {
    const zip = zipSync({ "../../etc/0001-evil.md": strToU8(record) });
    const { files } = readUploads([{ name: "evil.zip", bytes: zip }]);
    expect(files.map((f) => f.name)).toEqual(["../../etc/0001-evil.md"]);
  });

  it("never unpacks a file larger than a record may be (a zip bomb stays packed)", () => {
    const huge = new Uint8Array(MAX_RECORD_FILE_BYTES * 8).fill(0x61);
    const zip = zipSync({ "0001-huge.md": huge }, { level: 9 });
    expect(zip.length).toBeLessThan(20_000);
    const { files } = readUploads([{ name: "bomb.zip", bytes: zip }]);
    expect(files).toEqual([{ name: "0001-huge.md", size: huge.length, content: null }]);
  });

  it("refuses more than 1000 files, and a file that is not a zip, with a reason", () => {
    const many = Object.fromEntries(
      Array.from({ length: 1001 }, (_, i) => [`${i}.md`, strToU8("x")]),
    );
    expect(() => readUploads([{ name: "many.zip", bytes: zipSync(many) }])).toThrow(
      /more than 1000 files/,
    );
    expect(() => readUploads([{ name: "broken.zip", bytes: strToU8("not a zip") }])).toThrow(
      UploadError,
    );
    expect(() => readUploads([{ name: "broken.zip", bytes: strToU8("not a zip") }])).toThrow(
      "broken.zip cannot be opened as a zip file: it is damaged or not a zip.",
    );
  });

  it("reads .md files picked one by one, and round-trips their bytes exactly", () => {
    const text = "# José — 東京\n";
    const { files } = readUploads([
      { name: "0002-names.md", bytes: strToU8(text) },
      { name: "notes.txt", bytes: strToU8("hello") },
    ]);
    expect(decode(files[0]?.content ?? null)).toBe(text);
    expect(files[1]).toEqual({ name: "notes.txt", size: 5, content: null });
  });
});
