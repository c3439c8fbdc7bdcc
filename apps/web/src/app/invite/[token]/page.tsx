import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "~/components/app/logo";
import { Alert } from "~/components/ui/alert";
import { buttonVariants } from "~/components/ui/button-variants";
import {
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from "~/components/ui/card";
import { ThemeToggle } from "~/components/ui/theme-toggle";
import { getSessionUser } from "~/server/auth";
import { apiOrNull } from "~/trpc/server";
import { AcceptInvitation } from "./accept-invitation";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

const STATUS_TEXT = {
  expired: {
    title: "This invitation has expired",
    body: "Invitations last a limited time. Ask a team admin to send you a new link.",
  },
  revoked: {
    title: "This invitation was revoked",
    body: "A team admin withdrew it. Ask them for a new link if you still need to join.",
  },
  used: {
    title: "This invitation was already used",
    body: "Each link works once. If that was not you, ask a team admin for a new link.",
  },
} as const;

const loadInvitation = (token: string) => apiOrNull((c) => c.invitation.preview({ token }));

/** Where an invitation link lands, signed in or not. */
export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const [user, invitation] = await Promise.all([getSessionUser(), loadInvitation(token)]);
  const here = `/invite/${token}`;
  const role = invitation?.role.toLowerCase();

  let content: React.ReactNode;
  if (!invitation) {
    content = (
      <>
        <CardHeader>
          <CardTitle as="h1">This invitation link is not valid</CardTitle>
          <CardDescription>
            Check that you copied the whole link. If it still does not work, ask a team admin for a
            new one.
          </CardDescription>
        </CardHeader>
        <CardFooter>
          <Link className={buttonVariants({ variant: "secondary" })} href="/">
            Go to Tradeoff
          </Link>
        </CardFooter>
      </>
    );
  } else if (invitation.status !== "valid") {
    const text = STATUS_TEXT[invitation.status];
    content = (
      <>
        <CardHeader>
          <CardTitle as="h1">{text.title}</CardTitle>
          <CardDescription>
            It was an invitation to {invitation.teamName}. {text.body}
          </CardDescription>
        </CardHeader>
        <CardFooter>
          <Link className={buttonVariants({ variant: "secondary" })} href="/">
            Go to Tradeoff
          </Link>
        </CardFooter>
      </>
    );
  } else {
    content = (
      <>
        <CardHeader>
          <CardTitle as="h1">Join {invitation.teamName}</CardTitle>
          <CardDescription>
            {invitation.invitedBy ?? "A team admin"} invited you to join {invitation.teamName} on
            Tradeoff as {role === "admin" ? "an" : "a"} {role}.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          {invitation.forEmail ? (
            <Alert variant="info">
              This invitation is for {invitation.forEmail}. Use the account with that address.
            </Alert>
          ) : null}
          {!user ? (
            <div className="space-y-3">
              <p className="text-muted-foreground text-sm">
                Create an account or sign in, and you will come back here to join.
              </p>
              <div className="flex flex-wrap gap-2">
                <Link
                  className={buttonVariants()}
                  href={`/sign-up?callbackUrl=${encodeURIComponent(here)}`}
                >
                  Create an account
                </Link>
                <Link
                  className={buttonVariants({ variant: "secondary" })}
                  href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}
                >
                  Sign in
                </Link>
              </div>
            </div>
          ) : invitation.alreadyMember && invitation.teamSlug ? (
            <Alert
              variant="success"
              title={`You are already a member of ${invitation.teamName}`}
              action={
                <Link className={buttonVariants({ size: "sm" })} href={`/t/${invitation.teamSlug}`}>
                  Open the team
                </Link>
              }
            >
              Nothing to do: the link stays unused for the person it was meant for.
            </Alert>
          ) : (
            <AcceptInvitation token={token} teamName={invitation.teamName} email={user.email} />
          )}
        </CardContent>
      </>
    );
  }

  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between px-6 py-4">
        <Link href="/" className="rounded-md">
          <Logo />
        </Link>
        <ThemeToggle />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-10 pb-16 sm:pt-20">
        <Card className="w-full max-w-md">{content}</Card>
      </main>
    </div>
  );
}
