"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useEffect, useRef } from "react";

/** Texts rendered as Markdown on the server, keyed by the text itself (`renderMarkdown`). */
export type RenderedMarkdown = Record<string, ReactNode>;

/**
 * A text a client component shows, as the server rendered it from Markdown, so no Markdown code
 * is sent to the browser. A text the server has not rendered yet (changed since the page loaded,
 * by this member or live) shows as written, line breaks kept, while the page asks the server for
 * its rendering once.
 */
export function RenderedText({
  text,
  rendered,
}: {
  text: string;
  rendered: RenderedMarkdown | undefined;
}) {
  const router = useRouter();
  const asked = useRef(new Set<string>());
  const node = rendered?.[text];
  const missing = rendered !== undefined && node === undefined;
  useEffect(() => {
    if (!missing || asked.current.has(text)) return;
    asked.current.add(text);
    router.refresh();
  }, [missing, text, router]);
  return node ?? <span className="whitespace-pre-wrap">{text}</span>;
}
