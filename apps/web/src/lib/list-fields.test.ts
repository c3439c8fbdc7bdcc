import { describe, expect, it } from "vitest";
import { linesIn, namesIn, namesText } from "./list-fields";

describe("fields that hold a list", () => {
  it("shows people as their names separated by commas, and reads them back", () => {
    const text = namesText([{ name: "Ada Lovelace" }, { name: "Grace Hopper" }]);
    expect(text).toBe("Ada Lovelace, Grace Hopper");
    expect(namesIn(text)).toEqual(["Ada Lovelace", "Grace Hopper"]);
  });

  it("leaves out the spaces around each name and the empty names", () => {
    expect(namesIn(" Ada ,, Grace,  ,")).toEqual(["Ada", "Grace"]);
    expect(namesIn("")).toEqual([]);
  });

  it("reads one entry a line, trimmed, without the blank lines", () => {
    expect(linesIn("  Faster builds \n\n\tFewer tools\n  \n")).toEqual([
      "Faster builds",
      "Fewer tools",
    ]);
    // A comma inside a line is part of it.
    expect(linesIn("Cheaper, and simpler")).toEqual(["Cheaper, and simpler"]);
  });
});
