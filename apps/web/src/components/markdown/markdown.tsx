import type { ReactNode } from "react";
import Markdown, { type Components } from "react-markdown";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import { cn } from "~/lib/utils";

/**
 * The one Markdown renderer of the app: comments in the discussion, and the project's context and
 * the record's text on the read-only pages. It has no "use client": on a page rendered on the
 * server it runs there, and no Markdown code reaches the browser (see `rendered-text.tsx` for
 * handing its output to a client component).
 *
 * What Markdown may become: GitHub's allow-list of elements and attributes (no raw HTML, no
 * script, no event handlers, no style), with links and images to http, https and mailto only.
 * Links carry rel="noopener noreferrer nofollow": text written by members links out without
 * handing the page, its address or the app's reputation to the other site.
 *
 * Images: the Content-Security-Policy lets pages load images from the app's own origin only
 * (`img-src 'self' data: blob:`, security-headers.ts), so an image from another site would show
 * broken. It becomes a link instead, saying what it is and where it goes ("Image: a diagram
 * (example.com)"); an image of the app's own (a path such as /icon.svg) shows as an image.
 * (`data:` images never reach here: the sanitiser keeps http and https sources only.)
 */
const schema = {
  ...defaultSchema,
  protocols: {
    ...defaultSchema.protocols,
    href: ["http", "https", "mailto"],
    src: ["http", "https"],
  },
};

/** The page's own origin stands in for the base: a source without one is on this origin. */
const SAME_ORIGIN = "https://same-origin.invalid";

/** Where an image's source is when the page loads it: this origin, or another site's host. */
function imageHost(src: string): { own: true } | { own: false; host: string } {
  try {
    const url = new URL(src, SAME_ORIGIN);
    return url.origin === SAME_ORIGIN ? { own: true } : { own: false, host: url.host };
  } catch {
    return { own: false, host: src };
  }
}

/** An image as the policy lets it show: the app's own as an image, another site's as a link. */
function MarkdownImage({
  src,
  alt,
}: {
  src?: string | Blob | undefined;
  alt?: string | undefined;
}) {
  const source = typeof src === "string" ? src : "";
  const description = alt?.trim() ?? "";
  const label = description ? `Image: ${description}` : "Image";
  // No source left (the sanitiser dropped one it does not allow): what it showed, in words.
  if (!source) return description ? <span>{label}</span> : null;
  const where = imageHost(source);
  if (where.own) {
    // biome-ignore lint/performance/noImgElement: Markdown's image, sized by the text; next/image needs known sizes.
    return <img src={source} alt={description} className="inline-block h-auto max-w-full" />;
  }
  return (
    <a href={source} rel="noopener noreferrer nofollow" className="text-primary underline">
      {label} ({where.host})
    </a>
  );
}

type HeadingLevel = 2 | 3 | 4 | 5 | 6;
const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"] as const;

/**
 * Markdown's headings shifted under the page's own: `#` becomes `top`, `##` the level below,
 * and so on down to h6, so the page's outline stays in order (with `fitHeadings` below).
 */
function components(top: HeadingLevel): Components {
  const mapped: Components = {
    a: ({ node: _node, ...props }) => (
      <a {...props} rel="noopener noreferrer nofollow" className="text-primary underline" />
    ),
    img: ({ node: _node, src, alt }) => <MarkdownImage src={src} alt={alt} />,
  };
  HEADINGS.forEach((markdownTag, i) => {
    const Tag = `h${Math.min(6, top + i)}` as (typeof HEADINGS)[number];
    mapped[markdownTag] = ({ node: _node, ...props }) => (
      <Tag
        {...props}
        className={cn("mt-3 mb-1 font-semibold", i === 0 ? "text-base" : "text-sm")}
      />
    );
  });
  return mapped;
}

type Tree = { children: Array<{ type: string; tagName?: string; children?: unknown[] }> };

/**
 * Lifts the first paragraph's content out of its <p>, so text that follows a label ("Chosen
 * option: X, because …") reads on one line; later paragraphs and lists stay blocks.
 */
function unwrapFirstParagraph() {
  return (tree: Tree) => {
    const first = tree.children.findIndex((child) => child.type === "element");
    const node = tree.children[first];
    if (node?.tagName === "p" && node.children) {
      tree.children.splice(first, 1, ...(node.children as Tree["children"]));
    }
  };
}

type MarkdownNode = { type: string; depth?: number; children?: MarkdownNode[] };

/**
 * Renumbers the text's headings so they follow the page's outline whatever levels the writer
 * used: the highest level in the text becomes `#`, the next one `##`, and a heading is never
 * more than one level below the heading before it. A record's "## Members' reasons" under the
 * page's "More information" then reads as the next level, not two below it.
 */
function fitHeadings() {
  return (tree: MarkdownNode) => {
    const headings: MarkdownNode[] = [];
    const visit = (node: MarkdownNode) => {
      if (node.type === "heading") headings.push(node);
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
    const levels = [...new Set(headings.map((h) => h.depth ?? 1))].sort((a, b) => a - b);
    let previous = 0;
    for (const heading of headings) {
      const depth = Math.min(levels.indexOf(heading.depth ?? 1) + 1, previous + 1);
      heading.depth = depth;
      previous = depth;
    }
  };
}

/** Lists, paragraphs and code in the app's typography (there is no prose stylesheet). */
const TYPOGRAPHY =
  "wrap-anywhere [&_code]:rounded [&_code]:bg-muted [&_code]:px-1 [&_li]:my-0.5 [&_ol]:list-decimal [&_ol]:pl-5 [&_p]:my-1 [&_pre]:overflow-x-auto [&_ul]:list-disc [&_ul]:pl-5 [&>:first-child]:mt-0 [&>:last-child]:mb-0";

export type MarkdownOptions = {
  /** The level the text's highest headings take, under the page's own headings. */
  headingLevel?: HeadingLevel;
  /** The first paragraph flows into the sentence around it (no <p> and no wrapper). */
  inline?: boolean;
};

/** `text` as Markdown, sanitised, in the app's typography. */
export function MarkdownText({
  text,
  headingLevel = 3,
  inline = false,
  className,
}: MarkdownOptions & { text: string; className?: string }): ReactNode {
  const body = (
    <Markdown
      skipHtml
      components={components(headingLevel)}
      remarkPlugins={[fitHeadings]}
      rehypePlugins={
        inline ? [[rehypeSanitize, schema], unwrapFirstParagraph] : [[rehypeSanitize, schema]]
      }
    >
      {text}
    </Markdown>
  );
  if (inline) return body;
  return <div className={cn(TYPOGRAPHY, className)}>{body}</div>;
}

/**
 * Each of `texts` rendered once, keyed by the text itself: what a server component hands a
 * client component that shows them (see `RenderedText`). Empty texts are left out.
 */
export function renderMarkdown(
  texts: Iterable<string | null | undefined>,
  options: MarkdownOptions = {},
): Record<string, ReactNode> {
  const rendered: Record<string, ReactNode> = {};
  for (const text of texts) {
    if (text && !(text in rendered)) rendered[text] = <MarkdownText text={text} {...options} />;
  }
  return rendered;
}
