import type { Metadata } from "next";
import { requireSessionUser } from "~/server/auth";
import { api } from "~/trpc/server";
import { AccessTokens } from "./_components/access-tokens";

export const metadata: Metadata = { title: "Access tokens" };

export default async function AccessTokensPage() {
  await requireSessionUser("/account/tokens");
  const tokens = await api((c) => c.token.list());
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-1">
        <h1 className="font-semibold text-2xl tracking-tight">Access tokens</h1>
        <p className="text-muted-foreground text-sm">
          Personal access tokens let the <code>tradeoff</code> command line and scripts act as you.
          Run <code>tradeoff login --url {"<this site's address>"}</code> and paste a token.
        </p>
        <p className="text-muted-foreground text-sm">
          A token works on your teams' decisions only: it reads them, and with read and write it
          also creates, votes on, comments on, records and shares them. Your account, and which
          teams you belong to with their members, invitations, webhooks and settings, are managed
          here in the browser, never with a token.
        </p>
      </header>
      <AccessTokens initialTokens={tokens} />
    </div>
  );
}
