import type { Metadata } from "next";
import { PageShell } from "~/components/app/page-heading";
import { requireSessionUser } from "~/server/auth";
import { api } from "~/trpc/server";
import { AccessTokens } from "./_components/access-tokens";

export const metadata: Metadata = { title: "Access tokens" };

export default async function AccessTokensPage() {
  await requireSessionUser("/account/tokens");
  const tokens = await api((c) => c.token.list());
  return (
    <PageShell
      className="mx-auto max-w-3xl space-y-6"
      title="Access tokens"
      description={
        <>
          Personal access tokens let the <code>tradeoff</code> command line and scripts act as you.
          Run <code>tradeoff login --url {"<this site's address>"}</code> and paste a token.
        </>
      }
      details="A token works on your teams' decisions only: it reads them, and with read and write it also creates, votes on, comments on, records and shares them. Your account, and which teams you belong to with their members, invitations, webhooks and settings, are managed here in the browser, never with a token."
    >
      <AccessTokens initialTokens={tokens} />
    </PageShell>
  );
}
