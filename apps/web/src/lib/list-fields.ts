/**
 * Form fields that hold a list as text: people as names separated by commas (Consulted,
 * Informed), or one entry a line (consequences, links). Read the same way by the record's form
 * and its shared draft.
 */

/** "Ada, Grace": people's names as a field of names shows them. */
export const namesText = (people: readonly { name: string }[]) =>
  people.map((p) => p.name).join(", ");

/** The names in a field of names separated by commas, trimmed, the empty ones left out. */
export const namesIn = (text: string) => entriesOf(text, ",");

/** The lines of a field, trimmed, the blank ones left out. */
export const linesIn = (text: string) => entriesOf(text, "\n");

function entriesOf(text: string, separator: string) {
  return text
    .split(separator)
    .map((entry) => entry.trim())
    .filter(Boolean);
}
