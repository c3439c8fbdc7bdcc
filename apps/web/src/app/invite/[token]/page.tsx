import type { Metadata } from "next";
import Link from "next/link";
import { CardHeading, SignedOutFrame } from "~/components/app/signed-out";
import { Alert } from "~/components/ui/alert";
import { buttonVariants } from "~/components/ui/button-variants";
import { Card, CardContent, CardFooter } from "~/components/ui/card";
import { getSessionUser } from "~/server/auth";
import { apiOrNull } from "~/trpc/server";
import { AcceptInvitation, SwitchAccount } from "./accept-invitation";

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

  if (!invitation) {
    return (
      <Refused
        title="This invitation link is not valid"
        description="Check that you copied the whole link. If it still does not work, ask a team admin for a new one."
      />
    );
  }
  if (invitation.status !== "valid") {
    const text = STATUS_TEXT[invitation.status];
    return (
      <Refused
        title={text.title}
        description={`It was an invitation to ${invitation.teamName}. ${text.body}`}
      />
    );
  }

  return (
    <InviteFrame>
      <CardHeading
        title={`Join ${invitation.teamName}`}
        description={`${invitation.invitedBy ?? "A team admin"} invited you to join ${invitation.teamName} on Tradeoff as ${role === "admin" ? "an" : "a"} ${role}.`}
      />
      <CardContent className="space-y-4">
        {invitation.forEmail && invitation.forSignedInAddress !== false ? (
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
        ) : invitation.forSignedInAddress === false ? (
          <SwitchAccount
            email={user.email}
            forEmail={invitation.forEmail ?? "another address"}
            callbackUrl={here}
          />
        ) : (
          <AcceptInvitation token={token} teamName={invitation.teamName} email={user.email} />
        )}
      </CardContent>
    </InviteFrame>
  );
}

function InviteFrame({ children }: { children: React.ReactNode }) {
  return (
    <SignedOutFrame>
      <Card className="w-full max-w-md">{children}</Card>
    </SignedOutFrame>
  );
}

/** A link that cannot be used: why, and the way into the app. */
function Refused(heading: { title: string; description: string }) {
  return (
    <InviteFrame>
      <CardHeading {...heading} />
      <CardFooter>
        <Link className={buttonVariants({ variant: "secondary" })} href="/">
          Go to Tradeoff
        </Link>
      </CardFooter>
    </InviteFrame>
  );
}
