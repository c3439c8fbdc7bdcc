import type { PrismaClient } from "@tradeoff/db";
import type { ProjectStatus } from "../project/access";
import { getRecordingBasis } from "../project/get-recommendation";
import { needsJustification } from "../record/record-decision";

/**
 * What accepting the draft would ask for, so the page says it before the first click rather
 * than after a refusal: the confirmation of a provisional result (with what it rests on), that
 * accepting closes voting while these members have not finished their ballots, and a reason
 * when the chosen option is not the team's recommendation. `acceptDraft` still refuses what is
 * missing: this only tells the page. Null when the draft cannot be accepted from this state.
 */
export async function acceptanceNeeds(
  db: PrismaClient,
  actor: { teamId: string },
  project: { id: string; status: ProjectStatus },
  chosenOptionKey: string | null,
) {
  if (project.status !== "OPEN" && project.status !== "DECIDED") return null;
  const basis = await getRecordingBasis(db, actor, { projectId: project.id });
  const closesVoting = project.status === "OPEN";
  return {
    /**
     * What the result rests on, when it is provisional ("Based on 1 of 13 criteria…", the page
     * heads it with "provisional"): accepting must confirm it.
     */
    provisional: basis.readiness === "provisional" ? basis.coverageBasis : null,
    /** Accepting closes voting (the project is still open for it). */
    closesVoting,
    criteriaCount: basis.criteriaCount,
    /** The voting members whose ballot is not complete, while voting is open. */
    unfinished: closesVoting
      ? basis.members
          .filter((m) => m.ballot !== "complete")
          .map((m) => ({ name: m.name, doneCriteria: m.doneCriteria }))
      : [],
    /** The chosen option goes against the recommendation (never said while it is hidden). */
    needsJustification: needsJustification(chosenOptionKey, basis.winner, basis.hidden),
  };
}
