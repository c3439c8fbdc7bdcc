/** Helpers for the jsdom tests that drive TipTap editors on Yjs documents. */
import type { Editor } from "@tiptap/core";

/** Lets the binding's deferred work (its first render, restored selections) run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Puts the cursor at the end of the field's one paragraph. Not TipTap's `focus("end")`: it
 * scrolls to the cursor on the next animation frame, which needs layout jsdom does not have.
 */
export const cursorAtEnd = (editor: Editor) =>
  editor.commands.setTextSelection(editor.state.doc.content.size - 1);
