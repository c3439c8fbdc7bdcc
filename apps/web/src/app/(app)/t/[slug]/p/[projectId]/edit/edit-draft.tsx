"use client";

import type { RouterOutputs } from "@tradeoff/api";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { draftOf } from "~/components/project-form/draft";
import { ProjectForm } from "~/components/project-form/project-form";

type Project = RouterOutputs["project"]["get"];

/** The new-decision form, filled with a draft's current values, saving through project.update. */
export function EditDraft({ project }: { project: Project }) {
  const router = useRouter();
  const [initial] = useState(() => draftOf(project));
  const team = { id: project.teamId, slug: project.team.slug, name: project.team.name };
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="font-semibold text-2xl tracking-tight">Edit draft: {project.title}</h1>
      <ProjectForm
        team={team}
        initial={initial}
        onBack={() => router.push(`/t/${team.slug}/p/${project.id}`)}
        editing={{ projectId: project.id, updatedAt: project.updatedAt }}
      />
    </div>
  );
}
