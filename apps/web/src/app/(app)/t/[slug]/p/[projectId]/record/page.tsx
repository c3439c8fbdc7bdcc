import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { api } from "~/trpc/server";
import { RecordPage } from "./_components/record-page";

type Props = { params: Promise<{ slug: string; projectId: string }> };

async function loadRecord(projectId: string) {
  try {
    return await api((c) => c.record.get({ projectId }));
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST"))
      return null;
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const record = await loadRecord((await params).projectId);
  return { title: record ? `Decision record: ${record.view.project.title}` : "Decision not found" };
}

export default async function DecisionRecordPage({ params }: Props) {
  const { slug, projectId } = await params;
  const record = await loadRecord(projectId);
  if (!record || record.view.team.slug !== slug) notFound();
  return <RecordPage initial={record} slug={slug} />;
}
