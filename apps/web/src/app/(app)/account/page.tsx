import { RECENT_SIGN_IN_MINUTES } from "@tradeoff/api/schemas";
import type { Metadata } from "next";
import Link from "next/link";
import { PageShell } from "~/components/app/page-heading";
import { requireSessionUser } from "~/server/auth";
import { api } from "~/trpc/server";
import { AccountForms } from "./account-forms";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  await requireSessionUser("/account");
  const [account, sessions] = await Promise.all([
    api((c) => c.account.get()),
    api((c) => c.account.sessions()),
  ]);
  return (
    <PageShell
      className="max-w-xl space-y-10"
      title="Account"
      description={`Signed in as ${account.email}`}
    >
      <AccountForms
        account={account}
        initialSessions={sessions}
        recentSignInMinutes={RECENT_SIGN_IN_MINUTES}
      />
      <section aria-labelledby="notifications-heading" className="space-y-2">
        <h2 id="notifications-heading" className="font-medium text-lg">
          Notifications
        </h2>
        <p className="text-muted-foreground text-sm">
          Choose which notifications are also emailed to you.{" "}
          <Link
            className="font-medium text-foreground underline underline-offset-4"
            href="/account/notifications"
          >
            Notification settings
          </Link>
        </p>
      </section>
      <section aria-labelledby="tokens-heading" className="space-y-2">
        <h2 id="tokens-heading" className="font-medium text-lg">
          Personal access tokens
        </h2>
        <p className="text-muted-foreground text-sm">
          Tokens let the <code>tradeoff</code> command line and scripts act as you.{" "}
          <Link
            className="font-medium text-foreground underline underline-offset-4"
            href="/account/tokens"
          >
            Manage tokens
          </Link>
        </p>
      </section>
    </PageShell>
  );
}
