/**
 * Binds one TipTap editor to one field (a Yjs XmlFragment) of the shared draft document, with
 * y-prosemirror, Yjs's own ProseMirror binding: the field's text, everyone's carets, and each
 * person's own undo history.
 *
 * Why not TipTap's Collaboration extensions: they run on `@tiptap/y-tiptap` 3.3.0, whose
 * reconciliation doubles or moves a character when two people start a new line at the same spot
 * before either has the other's and then type (concurrent-typing.test.ts replays it;
 * docs/ARCHITECTURE.md, shared draft). y-prosemirror keeps every keystroke in the same schedules.
 */
import { Extension, type RawCommands } from "@tiptap/core";
import { type Command, Plugin } from "@tiptap/pm/state";
import {
  defaultDeleteFilter,
  defaultProtectedNodes,
  defaultSelectionBuilder,
  redoCommand,
  undoCommand,
  yCursorPlugin,
  ySyncPlugin,
  ySyncPluginKey,
  yUndoPlugin,
} from "y-prosemirror";
import type { Awareness } from "y-protocols/awareness";
import { UndoManager, type XmlFragment } from "yjs";

/**
 * One person's undo history of one field, alive exactly as long as the editor. y-prosemirror's
 * undo plugin destroys its manager whenever the plugin's view is torn down, and ProseMirror tears
 * plugin views down on every reconfiguration, not only at the end (TipTap's React
 * `EditorContent` adds a plugin when it mounts), which would leave undo dead after the first
 * render. So the plugin's `destroy()` is a no-op here, and the editor ends the history with
 * `release()` when it is destroyed. Each rebuild registers the plugin's two stack listeners once
 * more; they do the same work on the same view, and go with the manager.
 */
class FieldUndoManager extends UndoManager {
  override destroy() {}
  release() {
    super.destroy();
  }
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    sharedField: {
      /** Undoes this person's last change to the field (never anyone else's). */
      undo: () => ReturnType;
      /** Re-applies what `undo` took back. */
      redo: () => ReturnType;
    };
  }
  interface Storage {
    sharedField: { undoManager: FieldUndoManager | null };
  }
}

/** Only `#rrggbb` colours (as the draft page assigns them) go into a style attribute. */
const isColor = (color: unknown): color is string =>
  typeof color === "string" && /^#[0-9a-fA-F]{6}$/.test(color);
const safeColor = (color: unknown) => (isColor(color) ? color : "transparent");

/** Another person's caret: a thin bar in their colour with their name above it. */
function caret(user: { name?: unknown; color?: unknown }): HTMLElement {
  const color = safeColor(user.color);
  const bar = document.createElement("span");
  bar.classList.add("collaboration-carets__caret");
  bar.style.borderColor = color;
  const label = document.createElement("div");
  label.classList.add("collaboration-carets__label");
  label.style.backgroundColor = color;
  label.append(document.createTextNode(typeof user.name === "string" ? user.name : "Someone"));
  bar.append(label);
  return bar;
}

/**
 * The extension's options: the field's fragment, and the provider's awareness, whose local
 * `user` field (`{ name, color }`, set once where the provider is made) labels this person's
 * caret in the other browsers.
 */
export const SharedField = Extension.create<{
  fragment: XmlFragment | null;
  awareness: Awareness | null;
}>({
  name: "sharedField",
  // Before every other extension's plugins, as the sync plugin must see each change first.
  priority: 1000,

  addOptions() {
    return { fragment: null, awareness: null };
  },

  addStorage() {
    return { undoManager: null };
  },

  addCommands() {
    // y-prosemirror's commands act on this person's undo manager; the transaction TipTap opens
    // around a command stays empty, so it is not dispatched.
    const fromHistory =
      (command: Command): RawCommands["undo"] =>
      () =>
      ({ state, dispatch, tr }) => {
        tr.setMeta("preventDispatch", true);
        return command(state, dispatch) ?? false;
      };
    return { undo: fromHistory(undoCommand), redo: fromHistory(redoCommand) };
  },

  addKeyboardShortcuts() {
    return {
      "Mod-z": () => this.editor.commands.undo(),
      "Mod-y": () => this.editor.commands.redo(),
      "Shift-Mod-z": () => this.editor.commands.redo(),
    };
  },

  addProseMirrorPlugins() {
    const { fragment, awareness } = this.options;
    if (!fragment || !awareness) {
      throw new Error("SharedField needs the field's fragment and the provider's awareness");
    }
    // The same settings y-prosemirror's undo plugin gives a manager it makes itself.
    const undoManager = new FieldUndoManager(fragment, {
      trackedOrigins: new Set([ySyncPluginKey]),
      deleteFilter: (item) => defaultDeleteFilter(item, defaultProtectedNodes),
      captureTransaction: (transaction) => transaction.meta.get("addToHistory") !== false,
    });
    this.storage.undoManager = undoManager;
    return [
      ySyncPlugin(fragment),
      yUndoPlugin({ undoManager }),
      yCursorPlugin(awareness, {
        cursorBuilder: caret,
        selectionBuilder: (other: { name: string; color: string }) =>
          isColor(other.color) ? defaultSelectionBuilder(other) : {},
      }),
      // A change an input rule makes (a "- " that becomes a list) is its own step to undo.
      new Plugin({
        filterTransaction: (transaction) => {
          if (transaction.getMeta("inputRule")) undoManager.stopCapturing();
          return true;
        },
      }),
    ];
  },

  onDestroy() {
    this.storage.undoManager?.release();
    this.storage.undoManager = null;
  },
});
