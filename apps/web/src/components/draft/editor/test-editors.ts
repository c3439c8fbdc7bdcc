/** Helpers for the jsdom tests that drive TipTap editors on Yjs documents. */
import { Editor } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import { SharedField } from "./shared-field";

/** An editor on the document's rationale field, with the extensions the draft page gives it. */
export function fieldEditor(
  doc: Y.Doc,
  {
    awareness = new Awareness(doc),
    element = document.createElement("div"),
  }: { awareness?: Awareness; element?: HTMLElement } = {},
) {
  return new Editor({
    element,
    extensions: [
      StarterKit.configure({ undoRedo: false }),
      SharedField.configure({ fragment: doc.getXmlFragment("rationale"), awareness }),
    ],
  });
}

/** Lets the binding's deferred work (its first render, restored selections) run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Puts the cursor at the end of the field's one paragraph. Not TipTap's `focus("end")`: it
 * scrolls to the cursor on the next animation frame, which needs layout jsdom does not have.
 */
export const cursorAtEnd = (editor: Editor) =>
  editor.commands.setTextSelection(editor.state.doc.content.size - 1);
