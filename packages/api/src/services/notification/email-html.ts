import { escapeHtml } from "../../domain/html";

/**
 * An email's HTML body from its plain-text lines: one paragraph a line, except the line that
 * starts with `link.prefix` (where the text version spells the address out), which becomes a
 * link reading `link.label`.
 */
export function paragraphsHtml(
  lines: string[],
  link: { prefix: string; href: string; label: string },
): string {
  return lines
    .map((line) =>
      line.startsWith(link.prefix)
        ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`
        : `<p>${escapeHtml(line)}</p>`,
    )
    .join("");
}

/**
 * The Message-ID of one email job: the same on every try of the job, so a repeated send (after
 * a crash) is recognisable as the same message.
 */
export const messageIdFor = (kind: string, id: string | bigint, appUrl: string) =>
  `<${kind}-${id}@${new URL(appUrl).hostname}>`;
