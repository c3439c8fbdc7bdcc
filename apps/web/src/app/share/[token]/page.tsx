import { createCaller, createContextInner } from "@tradeoff/api";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { DraftTextView } from "~/components/draft/review/draft-text-view";
import { MarkdownText } from "~/components/markdown/markdown";
import { recordMarkdown } from "~/components/markdown/record-markdown";
import { db } from "~/server/db";
import { RecordDocument } from "../../(app)/t/[slug]/p/[projectId]/record/_components/record-document";

type Props = { params: Promise<{ token: string }> };

/** The record behind a share link, read with no session at all: the token is the permission. */
const loadShared = cache(async (token: string) => {
  try {
    return await createCaller(createContextInner({ db: db(), user: null })).share.view({ token });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST"))
      return null;
    throw error;
  }
});

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const shared = await loadShared((await params).token);
  return {
    title: shared ? `Decision record: ${shared.project.title}` : "Link not available",
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

export default async function SharedRecordPage({ params }: Props) {
  const shared = await loadShared((await params).token);
  if (!shared) notFound();
  return (
    <main className="mx-auto max-w-4xl space-y-6 px-4 py-8 sm:px-8">
      <header className="space-y-1">
        <p className="text-muted-foreground text-sm">
          Decision record #{shared.project.number} of {shared.team.name}, shared read-only
        </p>
        <h1 className="font-semibold text-2xl tracking-tight">{shared.project.title}</h1>
      </header>
      {shared.project.context ? (
        <section aria-labelledby="context" className="space-y-2">
          <h2 id="context" className="font-semibold text-lg">
            Context and problem statement
          </h2>
          <MarkdownText text={shared.project.context} className="text-sm" />
        </section>
      ) : null}
      {shared.recordDraft ? (
        <section aria-labelledby="shared-draft" className="space-y-2 rounded-md border p-4">
          <h2 id="shared-draft" className="font-semibold text-lg">
            The record's draft, not accepted yet
          </h2>
          <p className="text-muted-foreground text-sm">{shared.recordDraft.approval}</p>
          <DraftTextView text={shared.recordDraft.text} />
        </section>
      ) : null}
      <RecordDocument view={shared} markdown={recordMarkdown(shared)} />
    </main>
  );
}
