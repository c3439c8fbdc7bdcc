import { describe, expect, it } from "vitest";
import { fileNameOf } from "./content-disposition";

describe("fileNameOf", () => {
  it("reads the quoted name the export route sends", () => {
    expect(fileNameOf('attachment; filename="0001-use-fastapi.md"')).toBe("0001-use-fastapi.md");
  });

  it("prefers the UTF-8 name when both are given", () => {
    expect(
      fileNameOf(`attachment; filename="0002-caf.md"; filename*=UTF-8''0002-caf%C3%A9.md`),
    ).toBe("0002-café.md");
  });

  it("falls back to the plain name when the encoded one is malformed, and to none without a name", () => {
    expect(fileNameOf(`attachment; filename="a.csv"; filename*=UTF-8''%E0%A4%A`)).toBe("a.csv");
    expect(fileNameOf("attachment")).toBeNull();
    expect(fileNameOf(null)).toBeNull();
  });
});
