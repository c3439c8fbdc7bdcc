"use client";

import type { HocuspocusProvider } from "@hocuspocus/provider";
import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { DRAFT_FIELD_MAX_CHARS, type DraftTextField } from "@tradeoff/api/draft-fields";
import { useEffect, useId } from "react";
import { FIELD_LABELS } from "./fields";
import { SharedField } from "./shared-field";

const LIMIT_TEXT = DRAFT_FIELD_MAX_CHARS.toLocaleString("en-US");

/**
 * One text field of the draft: a TipTap editor bound to the field's fragment of the shared
 * document, with everyone's caret. StarterKit's undo/redo is off: SharedField keeps each
 * person's own history of the field.
 */
export function FieldEditor({
  field,
  provider,
  editable,
  onRefused,
}: {
  field: DraftTextField;
  provider: HocuspocusProvider;
  editable: boolean;
  onRefused: (message: string) => void;
}) {
  const labelId = useId();
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions: [
        StarterKit.configure({ undoRedo: false }),
        SharedField.configure({
          fragment: provider.document.getXmlFragment(field),
          awareness: provider.awareness,
        }),
      ],
      editorProps: {
        attributes: {
          role: "textbox",
          "aria-multiline": "true",
          "aria-labelledby": labelId,
          "data-field": field,
          class:
            "prose-draft min-h-24 rounded-md border border-input bg-background px-3 py-2 text-base focus-visible:outline-2 focus-visible:outline-ring",
        },
        // A paste that would take the field past the limit is refused whole: nothing of it is
        // inserted, and nothing already written changes.
        handlePaste: (view, event) => {
          const pasted = event.clipboardData?.getData("text/plain") ?? "";
          const { from, to } = view.state.selection;
          const after = view.state.doc.textContent.length - (to - from) + pasted.length;
          if (after <= DRAFT_FIELD_MAX_CHARS) return false;
          onRefused(
            `That paste would make ${FIELD_LABELS[field]} ${after.toLocaleString("en-US")} characters long; a field holds at most ${LIMIT_TEXT}. Nothing was pasted: paste a shorter part, or link to the full text under More information.`,
          );
          return true;
        },
      },
    },
    // Not rebuilt when editing ends (the draft accepted or discarded, the member made a viewer):
    // the same editor turns read-only. A new editor starts empty with its caret at position 1,
    // and y-prosemirror renders the field's text over it keeping that position, which in a field
    // that starts with a list is inside the list, not in text: ProseMirror warns on the console.
    [provider],
  );
  useEffect(() => {
    editor?.setEditable(editable, false);
  }, [editor, editable]);
  return (
    <div className="grid gap-2">
      <h3 id={labelId} className="font-medium text-sm">
        {FIELD_LABELS[field]}
      </h3>
      <EditorContent editor={editor} />
    </div>
  );
}
