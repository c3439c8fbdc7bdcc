import type { ReactNode } from "react";
import { AppHeader } from "~/components/app/app-header";
import { getSessionUser, redirectToSignIn } from "~/server/auth";
import { api } from "~/trpc/server";

/** Every page in here needs a signed-in user: signed out, sign in and come back to the page. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user) return redirectToSignIn();
  const [teams, { unread }] = await Promise.all([
    api((c) => c.team.list()),
    api((c) => c.notification.unreadCount()),
  ]);
  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader
        user={user}
        teams={teams.map(({ name, slug, role }) => ({ name, slug, role }))}
        unread={unread}
      />
      <main className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
