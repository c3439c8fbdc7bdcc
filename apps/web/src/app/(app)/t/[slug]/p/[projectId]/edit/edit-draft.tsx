"use client";

import type { RouterOutputs } from "@tradeoff/api";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DetailsStep, type Draft, uid } from "../../../new/new-project-wizard";

type Project = RouterOutputs["project"]["get"];

/** The new-decision form, filled with a draft's current values, saving through project.update. */
export function EditDraft({ project }: { project: Project }) {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(() => ({
    title: project.title,
    context: project.context,
    templateKey: project.templateKey,
    options: project.options.map((o) => ({ ...o, uid: uid() })),
    criteria: project.criteria.map((c) => ({
      ...c,
      uid: uid(),
      anchorLow: c.anchorLow ?? "",
      anchorHigh: c.anchorHigh ?? "",
    })),
  }));
  const team = { id: project.teamId, slug: project.team.slug, name: project.team.name };
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="font-semibold text-2xl tracking-tight">Edit draft: {project.title}</h1>
      <DetailsStep
        team={team}
        draft={draft}
        setDraft={setDraft}
        onBack={() => router.push(`/t/${team.slug}/p/${project.id}`)}
        editing={{
          projectId: project.id,
          deadline: project.deadline,
          quorum: project.quorum,
          method: project.method,
          votingMode: project.votingMode,
        }}
      />
    </div>
  );
}
