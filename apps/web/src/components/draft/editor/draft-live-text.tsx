"use client";

import dynamic from "next/dynamic";
import { ConnectionStatus } from "./connection-status";
import type { DraftTextEditorProps } from "./draft-text-editor";

/**
 * The live editor, loaded only where it is shown (the draft page): TipTap, ProseMirror and Yjs
 * stay out of every other page's JavaScript.
 */
const DraftTextEditor = dynamic(() => import("./draft-text-editor"), {
  ssr: false,
  loading: () => <ConnectionStatus state="connecting" />,
});

export function DraftLiveText(props: DraftTextEditorProps) {
  return <DraftTextEditor {...props} />;
}
