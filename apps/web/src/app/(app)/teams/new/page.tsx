import type { Metadata } from "next";
import { CreateTeamForm } from "./create-team-form";

export const metadata: Metadata = { title: "Create a team" };

export default function NewTeamPage() {
  return (
    <div className="mx-auto max-w-md">
      <CreateTeamForm />
    </div>
  );
}
