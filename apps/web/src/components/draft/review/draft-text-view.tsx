import { type Draft, TEXT_FIELDS } from "./types";

/**
 * The draft's text fields as stored, read-only: what the decision-makers approve. The live
 * editor takes this place where it is present.
 */
export function DraftTextView({ text }: { text: Draft["text"] }) {
  return (
    <section aria-labelledby="draft-text" className="space-y-4">
      <h2 id="draft-text" className="font-semibold text-lg">
        The record's text
      </h2>
      {TEXT_FIELDS.map((f) => (
        <div key={f.key} className="space-y-1">
          <h3 className="font-medium">{f.label}</h3>
          {text[f.key].trim() ? (
            <p
              className="whitespace-pre-wrap break-words text-sm"
              data-testid={`draft-text-${f.key}`}
            >
              {text[f.key]}
            </p>
          ) : (
            <p className="text-muted-foreground text-sm">Nothing written yet.</p>
          )}
        </div>
      ))}
    </section>
  );
}
