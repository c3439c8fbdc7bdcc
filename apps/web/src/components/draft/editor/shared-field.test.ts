// @vitest-environment jsdom
/**
 * SharedField's undo history and carets, in two TipTap editors in jsdom on one pair of Yjs
 * documents that exchange every update at once (as the provider does when connected).
 */
import type { Editor } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { afterEach, describe, expect, it } from "vitest";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { cursorAtEnd, fieldEditor, settle } from "./test-editors";

const editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
  document.body.replaceChildren();
});

function connectedPair() {
  const docs = [new Y.Doc(), new Y.Doc()] as const;
  docs.forEach((doc, i) => {
    const other = docs[1 - i] as Y.Doc;
    doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin !== "remote") Y.applyUpdate(other, update, "remote");
    });
  });
  const awareness = docs.map((doc) => new Awareness(doc));
  const users = [
    { name: "Alice Draftwright", color: "#b91c1c" },
    { name: "Bob Cowriter", color: "#1d4ed8" },
  ];
  const [alice, bob] = docs.map((doc, i) => {
    const shared = awareness[i] as Awareness;
    // As the draft page does where it makes the provider: the person's name and colour, once.
    shared.setLocalStateField("user", users[i]);
    const editor = fieldEditor(doc, {
      awareness: shared,
      element: document.body.appendChild(document.createElement("div")),
    });
    editors.push(editor);
    return editor;
  }) as [Editor, Editor];
  return { alice, bob, awareness: awareness as [Awareness, Awareness] };
}

describe("SharedField", () => {
  it("undoes and redoes only this person's own typing; the other's stays", async () => {
    const { alice, bob } = connectedPair();
    await settle();
    alice.commands.insertContent("Alice's reason.");
    await settle();
    cursorAtEnd(bob);
    bob.commands.insertContent(" Bob's reason.");
    await settle();
    expect(alice.getText()).toBe("Alice's reason. Bob's reason.");

    expect(alice.commands.undo()).toBe(true);
    await settle();
    expect(alice.getText()).toBe(" Bob's reason.");
    expect(bob.getText()).toBe(" Bob's reason.");
    expect(alice.commands.redo()).toBe(true);
    await settle();
    expect(bob.getText()).toBe("Alice's reason. Bob's reason.");
  });

  it("keeps the history through a reconfiguration (React's EditorContent adds a plugin on mount)", async () => {
    const { alice } = connectedPair();
    await settle();
    alice.commands.insertContent("Typed before the page mounted the editor.");
    await settle();
    alice.registerPlugin(new Plugin({ key: new PluginKey("mounted") }));
    alice.unregisterPlugin("mounted");
    alice.commands.insertContent(" And after.");
    await settle();
    expect(alice.commands.undo()).toBe(true);
    await settle();
    expect(alice.getText()).toBe("");
    expect(alice.commands.redo()).toBe(true);
    await settle();
    expect(alice.getText()).toBe("Typed before the page mounted the editor. And after.");
  });

  it("has nothing to undo at first, and says so", async () => {
    const { alice } = connectedPair();
    await settle();
    expect(alice.can().undo()).toBe(false);
    expect(alice.commands.undo()).toBe(false);
    alice.commands.insertContent("x");
    expect(alice.can().undo()).toBe(true);
  });

  it("shows the other person's caret with their name and colour, and only theirs", async () => {
    const { alice, bob, awareness } = connectedPair();
    await settle();
    alice.commands.insertContent("Shared text");
    await settle();
    // The provider carries awareness between browsers; here Bob's state is handed over.
    bob.view.focus();
    bob.commands.setTextSelection(7);
    const bobState = awareness[1].getLocalState();
    expect(bobState?.cursor).toBeTruthy();
    const handOver = () =>
      applyAwarenessUpdate(
        awareness[0],
        encodeAwarenessUpdate(awareness[1], [awareness[1].clientID]),
        "remote",
      );
    handOver();
    await settle();
    const labels = () =>
      [...alice.view.dom.querySelectorAll<HTMLElement>(".collaboration-carets__label")].map(
        (label) => [label.textContent, label.style.backgroundColor],
      );
    expect(labels()).toEqual([["Bob Cowriter", "rgb(29, 78, 216)"]]);

    // Awareness comes from other browsers: a colour that is not #rrggbb never reaches a style.
    const mallory = new Awareness(new Y.Doc());
    mallory.setLocalState({
      user: { name: "Mallory", color: "red;background:url(//x)" },
      cursor: bobState?.cursor,
    });
    applyAwarenessUpdate(
      awareness[0],
      encodeAwarenessUpdate(mallory, [mallory.clientID]),
      "remote",
    );
    await settle();
    expect(labels()).toContainEqual(["Mallory", "transparent"]);
    expect(labels()).toHaveLength(2);
  });
});
