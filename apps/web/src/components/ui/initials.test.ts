import { describe, expect, it } from "vitest";
import { initialsOf } from "./initials";

describe("initialsOf", () => {
  it("takes the first and last names' initials, or an address's first letter", () => {
    expect(initialsOf("Ada Lovelace")).toBe("AL");
    expect(initialsOf("ada@example.com")).toBe("A");
    expect(initialsOf("Zoë")).toBe("Z");
  });

  it("skips words that are not names, such as a sample teammate's mark", () => {
    expect(initialsOf("Ada Lindqvist (sample)")).toBe("AL");
    expect(initialsOf("Chiara Ruiz (sample)")).toBe("CR");
    expect(initialsOf("🦄 Bob")).toBe("B");
  });

  it("keeps a letter outside the basic plane whole", () => {
    expect(initialsOf("𝒜da Lovelace")).toBe("𝒜L");
    expect(initialsOf("𝒜da")).toHaveLength(2);
  });

  it("says ? when nothing in the name is a letter or a digit", () => {
    expect(initialsOf("🦄")).toBe("?");
    expect(initialsOf("")).toBe("?");
  });
});
