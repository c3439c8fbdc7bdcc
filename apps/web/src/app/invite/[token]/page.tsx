import type { Metadata } from "next";
import Link from "next/link";
import { CardHeading, SignedOutFrame } from "~/components/app/signed-out";
import { Alert } from "~/components/ui/alert";
import { buttonVariants } from "~/components/ui/button-variants";
import { Card, CardContent, CardFooter } from "~/components/ui/card";
import { signInPath, signUpPath } from "~/lib/return-path";
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

/** The one who used the link, and has left the team since. */
const USED_BY_YOU = {
  title: "You already used this invitation",
  body: "You joined with it, and are no longer a member. Ask a team admin for a new link to join again.",
} as const;

/** What became of the link, for a member of its team (who needs nothing from it). */
const MEMBER_NOTE = {
  valid: "Nothing to do: the link stays unused for the person it was meant for.",
  used: "The link has been used, and you need nothing more from it.",
  expired: "The link has expired since, and you need nothing from it.",
  revoked: "A team admin revoked the link since, and you need nothing from it.",
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
  // A member, whoever used the link and whatever became of it, is told so and sent to the team.
  if (user && invitation.alreadyMember && invitation.teamSlug) {
    return (
      <Member
        teamName={invitation.teamName}
        teamSlug={invitation.teamSlug}
        joinedWithIt={invitation.acceptedByYou}
        note={MEMBER_NOTE[invitation.status]}
      />
    );
  }
  if (invitation.status !== "valid") {
    const text =
      invitation.acceptedByYou && invitation.status === "used"
        ? USED_BY_YOU
        : STATUS_TEXT[invitation.status];
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
              <Link className={buttonVariants()} href={signUpPath(here)}>
                Create an account
              </Link>
              <Link className={buttonVariants({ variant: "secondary" })} href={signInPath(here)}>
                Sign in
              </Link>
            </div>
          </div>
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

/** A member of the invitation's team: in words, and the way to the team. */
function Member(props: {
  teamName: string;
  teamSlug: string;
  joinedWithIt: boolean;
  note: string;
}) {
  return (
    <InviteFrame>
      <CardHeading
        title={
          props.joinedWithIt
            ? `You joined ${props.teamName} with this invitation`
            : `You are already a member of ${props.teamName}`
        }
        description={
          props.joinedWithIt
            ? "You are a member of the team: this link has done its work."
            : props.note
        }
      />
      <CardFooter>
        <Link className={buttonVariants()} href={`/t/${props.teamSlug}`}>
          Open {props.teamName}
        </Link>
      </CardFooter>
    </InviteFrame>
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
