import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RememberLastTeam } from "~/components/app/last-team";
import { renderMarkdown } from "~/components/markdown/markdown";
import { api, apiOrNull } from "~/trpc/server";
import { ProjectView } from "./_components/project-view";

type Props = { params: Promise<{ slug: string; projectId: string }> };

const loadProject = (projectId: string) => apiOrNull((c) => c.project.get({ projectId }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const project = await loadProject((await params).projectId);
  return { title: project?.title ?? "Decision not found" };
}

export default async function ProjectPage({ params }: Props) {
  const { slug, projectId } = await params;
  // Read first: the live stream starts from this change, so one made while the rest is read
  // (or before the browser opens the stream) still reaches the page.
  const position = await apiOrNull((c) => c.live.position({ projectId }));
  const project = await loadProject(projectId);
  if (!project || project.team.slug !== slug) notFound();
  // The recommendation and the viewer's votes render on the server too, so the page paints
  // complete; if either fails here, the client asks again and shows the error there.
  const [recommendation, myVotes, waitingOn, ballotView, draftPage] = await Promise.all([
    api((c) => c.project.recommendation({ projectId })).catch(() => undefined),
    project.viewer.canVote
      ? api((c) => c.vote.mine({ projectId })).catch(() => undefined)
      : undefined,
    project.status === "OPEN"
      ? api((c) => c.project.waitingOn({ projectId })).catch(() => undefined)
      : undefined,
    // The member's ballot layout; the list if it cannot be read.
    project.viewer.canVote ? api((c) => c.account.ballotView()).catch(() => undefined) : undefined,
    // Whether the record's draft is discarded: then it is no longer the way to the record.
    project.hasDraft ? apiOrNull((c) => c.draft.get({ projectId })) : undefined,
  ]);
  const draftInUse = project.hasDraft && draftPage?.draft?.status !== "DISCARDED";
  return (
    <>
      <RememberLastTeam slug={project.team.slug} />
      <ProjectView
        initialProject={project}
        initialRecommendation={recommendation}
        initialVotes={myVotes}
        initialWaitingOn={waitingOn}
        initialBallotView={ballotView?.ballotView}
        liveFrom={position ?? undefined}
        draftHref={draftInUse ? `/t/${slug}/p/${projectId}/draft` : undefined}
        // Rendered here, on the server: the page sends no Markdown code to the browser.
        renderedContext={renderMarkdown([project.context], { headingLevel: 2 })}
      />
    </>
  );
}
