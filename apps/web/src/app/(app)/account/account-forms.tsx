"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@tradeoff/api";
import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useState } from "react";
import { ActionsTable } from "~/components/app/actions-table";
import { Alert } from "~/components/ui/alert";
import { ConfirmDialog } from "~/components/ui/alert-dialog";
import { Button } from "~/components/ui/button";
import { FormField } from "~/components/ui/form-field";
import { Input } from "~/components/ui/input";
import { toast } from "~/components/ui/toaster";
import { signOutOfDevice, unsavedVotesWarning } from "~/lib/pending-votes";
import { signInPath } from "~/lib/return-path";
import { usePendingVoteCount } from "~/lib/use-pending-vote-count";
import { formErrorsOf, isTRPCClientError, messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { tokensRevokedWords } from "./tokens-revoked-words";

type Account = { id: string; name: string | null; email: string | null; hasPassword: boolean };
type Sessions = RouterOutputs["account"]["sessions"];

function Section({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <section className="space-y-3">
      <div className="space-y-1">
        <h2 className="font-medium text-lg">{title}</h2>
        {description ? <p className="text-muted-foreground text-sm">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}

export function AccountForms({
  account,
  initialSessions,
  recentSignInMinutes,
}: {
  account: Account;
  /** The sessions as the server rendered them: the table is there from the first paint. */
  initialSessions?: Sessions | undefined;
  /** How soon after signing in a first password may be set (the server's rule). */
  recentSignInMinutes: number;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [confirmation, setConfirmation] = useState("");
  // What signing this browser out would drop: said before each action that does.
  const unsaved = usePendingVoteCount();
  const keepThem = "Stay signed in until the decision's page says Saved to keep them.";
  const sessions = useQuery({
    ...trpc.account.sessions.queryOptions(),
    initialData: initialSessions,
  });
  // A session without a sign-in record (listed as none) is ended by a password change too.
  const passwordSignsOut =
    sessions.data !== undefined && !sessions.data.some((session) => session.current);

  const rename = useMutation(
    trpc.account.updateName.mutationOptions({
      onSuccess() {
        toast.success("Name saved.");
        router.refresh();
      },
    }),
  );
  // Both end every session, this one included: sign in again afterwards.
  const endSessions = (message: string) => {
    toast.success(message);
    void signOutOfDevice("/sign-in");
  };
  const queryClient = useQueryClient();
  const [passwordForm, setPasswordForm] = useState<HTMLFormElement | null>(null);
  const password = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: async (result) => {
        // A session issued before sign-in records is ended with every other one.
        if (result.signedOut) {
          endSessions("Password changed. Sign in again with the new one.");
          return;
        }
        const tokens = tokensRevokedWords(result.tokensRevoked);
        toast.success(`Password changed. You were signed out everywhere else.${tokens}`);
        passwordForm?.reset();
        await queryClient.invalidateQueries({ queryKey: trpc.account.sessions.queryKey() });
      },
    }),
  );
  const [firstPasswordForm, setFirstPasswordForm] = useState<HTMLFormElement | null>(null);
  const firstPassword = useMutation(
    trpc.account.setPassword.mutationOptions({
      onSuccess: async (result) => {
        const tokens = tokensRevokedWords(result.tokensRevoked);
        toast.success(`Password set. You were signed out everywhere else.${tokens}`);
        firstPasswordForm?.reset();
        await queryClient.invalidateQueries({ queryKey: trpc.account.sessions.queryKey() });
        // The page now offers to change the password instead.
        router.refresh();
      },
    }),
  );
  // Signed in too long ago to set a first password: sign in again, then come back here.
  const signInAgain =
    isTRPCClientError(firstPassword.error) &&
    firstPassword.error.data?.code === "PRECONDITION_FAILED";
  const everywhere = useMutation(
    trpc.account.signOutEverywhere.mutationOptions({
      onSuccess: () => endSessions("Signed out on every device."),
      onError: (error) => toast.error(messageOf(error)),
    }),
  );
  const remove = useMutation(
    trpc.account.delete.mutationOptions({
      onSuccess: () => {
        toast.success("Your account was deleted.");
        void signOutOfDevice("/");
      },
    }),
  );

  const nameErrors = formErrorsOf(rename.error);
  const passwordErrors = formErrorsOf(password.error);
  const firstPasswordErrors = formErrorsOf(firstPassword.error);
  const deleteErrors = formErrorsOf(remove.error);

  return (
    <>
      <Section title="Name">
        {nameErrors.general ? <Alert variant="error">{nameErrors.general}</Alert> : null}
        <form
          className="flex flex-wrap items-end gap-3"
          noValidate
          onSubmit={(event: FormEvent<HTMLFormElement>) => {
            event.preventDefault();
            rename.mutate({ name: String(new FormData(event.currentTarget).get("name") ?? "") });
          }}
        >
          <FormField
            label="Your name"
            error={nameErrors.fields.name?.[0]}
            className="min-w-60 flex-1"
          >
            <Input name="name" defaultValue={account.name ?? ""} autoComplete="name" required />
          </FormField>
          <Button type="submit" variant="secondary" loading={rename.isPending}>
            Save name
          </Button>
        </form>
      </Section>

      {account.hasPassword ? (
        <Section
          title="Password"
          description="Changing it signs you out on every other device and revokes your personal access tokens, unless you keep them."
        >
          {passwordErrors.general ? <Alert variant="error">{passwordErrors.general}</Alert> : null}
          <form
            ref={setPasswordForm}
            className="space-y-3"
            noValidate
            onSubmit={(event: FormEvent<HTMLFormElement>) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              password.mutate({
                currentPassword: String(form.get("currentPassword") ?? ""),
                newPassword: String(form.get("newPassword") ?? ""),
                keepTokens: form.get("keepTokens") === "on",
              });
            }}
          >
            <FormField label="Current password" error={passwordErrors.fields.currentPassword?.[0]}>
              <Input
                name="currentPassword"
                type="password"
                autoComplete="current-password"
                required
              />
            </FormField>
            <NewPasswordFields
              description="At least 8 characters."
              error={passwordErrors.fields.newPassword?.[0]}
            />
            {passwordSignsOut && unsaved > 0 ? (
              <Alert variant="warning" title="Votes not saved">
                {unsavedVotesWarning(
                  unsaved,
                  "changing the password signs you out here too, which",
                )}{" "}
                {keepThem}
              </Alert>
            ) : null}
            <Button type="submit" loading={password.isPending}>
              Change password
            </Button>
          </form>
        </Section>
      ) : (
        <Section
          title="Password"
          description={`Your account has no password: you sign in with an emailed link or another provider. Set one to sign in with it too. For your safety this works only within ${recentSignInMinutes} minutes of signing in. Setting it signs you out on every other device and revokes your personal access tokens, unless you keep them.`}
        >
          {firstPasswordErrors.general ? (
            <Alert variant="error">
              {firstPasswordErrors.general}
              {signInAgain ? (
                <Button
                  className="mt-2 block"
                  size="sm"
                  variant="secondary"
                  onClick={() => void signOutOfDevice(signInPath("/account"))}
                >
                  Sign out and sign in again
                </Button>
              ) : null}
            </Alert>
          ) : null}
          <form
            ref={setFirstPasswordForm}
            className="space-y-3"
            noValidate
            onSubmit={(event: FormEvent<HTMLFormElement>) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              firstPassword.mutate({
                newPassword: String(form.get("newPassword") ?? ""),
                keepTokens: form.get("keepTokens") === "on",
              });
            }}
          >
            <NewPasswordFields
              description="At least 8 characters, hard to guess."
              error={firstPasswordErrors.fields.newPassword?.[0]}
            />
            <Button type="submit" loading={firstPassword.isPending}>
              Set password
            </Button>
          </form>
        </Section>
      )}

      <Section
        title="Sessions"
        description="Where you are signed in. A session you sign out ends on its next request. Lost a device? Sign it out here."
      >
        <SessionList initialSessions={initialSessions} />
        <ConfirmDialog
          trigger={<Button variant="secondary">Sign out everywhere</Button>}
          title="Sign out on every device?"
          description={
            unsaved > 0
              ? `Every session ends on its next request, this one included. ${unsavedVotesWarning(unsaved, "signing out everywhere")} ${keepThem}`
              : "Every session ends on its next request, this one included."
          }
          confirmLabel="Sign out everywhere"
          variant="primary"
          pending={everywhere.isPending}
          onConfirm={() => everywhere.mutate()}
        />
      </Section>

      <Section
        title="Delete account"
        description="Removes you from every team. If you are the only owner of a team, hand ownership to someone else or delete the team first."
      >
        {deleteErrors.general ? <Alert variant="error">{deleteErrors.general}</Alert> : null}
        {deleteOpen ? (
          <form
            className="space-y-3"
            noValidate
            onSubmit={(event: FormEvent<HTMLFormElement>) => {
              event.preventDefault();
              remove.mutate({ confirmation });
            }}
          >
            <FormField
              label={
                account.hasPassword ? "Your password, to confirm" : "Your email address, to confirm"
              }
              error={deleteErrors.fields.confirmation?.[0]}
            >
              <Input
                type={account.hasPassword ? "password" : "email"}
                value={confirmation}
                onChange={(e) => setConfirmation(e.target.value)}
                autoComplete={account.hasPassword ? "current-password" : "email"}
              />
            </FormField>
            {unsaved > 0 ? (
              <Alert variant="warning" title="Votes not saved">
                {unsavedVotesWarning(unsaved, "deleting your account")}
              </Alert>
            ) : null}
            <div className="flex gap-2">
              <Button
                type="submit"
                variant="destructive"
                loading={remove.isPending}
                disabled={!confirmation}
              >
                Delete my account
              </Button>
              <Button type="button" variant="ghost" onClick={() => setDeleteOpen(false)}>
                Cancel
              </Button>
            </div>
          </form>
        ) : (
          <Button variant="destructive" onClick={() => setDeleteOpen(true)}>
            Delete account…
          </Button>
        )}
      </Section>
    </>
  );
}

const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

/** The member's sessions: device, address, when signed in and last seen, each signed out alone. */
function SessionList({ initialSessions }: { initialSessions?: Sessions | undefined }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery({
    ...trpc.account.sessions.queryOptions(),
    initialData: initialSessions,
  });
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.account.sessions.queryKey() });
  const end = useMutation(
    trpc.account.endSession.mutationOptions({
      onSuccess: async () => {
        toast.success("Session signed out.");
        await refresh();
      },
      onError: async (error) => {
        toast.error(messageOf(error));
        await refresh();
      },
    }),
  );
  const others = useMutation(
    trpc.account.endOtherSessions.mutationOptions({
      onSuccess: async ({ ended }) => {
        toast.success(
          ended === 0
            ? "You were not signed in anywhere else."
            : `Signed out of ${ended === 1 ? "1 other session" : `${ended} other sessions`}.`,
        );
        await refresh();
      },
      onError: (error) => toast.error(messageOf(error)),
    }),
  );

  if (sessions.error) return <Alert variant="error">{messageOf(sessions.error)}</Alert>;
  const rows = sessions.data ?? [];
  return (
    <div className="space-y-3">
      <ActionsTable
        label="Active sessions"
        columns={["Device", "Address", "Signed in", "Last seen"]}
      >
        {rows.map((session) => (
          <tr key={session.id} className="border-t" data-testid="session-row">
            <td className="py-2">
              {session.device}
              {session.current ? (
                <span className="ml-2 rounded bg-muted px-1.5 py-0.5 text-xs">This device</span>
              ) : null}
            </td>
            <td>{session.address ?? "Unknown"}</td>
            <td>{dateTime.format(new Date(session.createdAt))}</td>
            <td>{dateTime.format(new Date(session.lastSeenAt))}</td>
            <td className="text-right">
              {session.current ? null : (
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Sign out ${session.device}, last seen ${dateTime.format(new Date(session.lastSeenAt))}`}
                  loading={end.isPending && end.variables?.id === session.id}
                  onClick={() => end.mutate({ id: session.id })}
                >
                  Sign out
                </Button>
              )}
            </td>
          </tr>
        ))}
      </ActionsTable>
      {sessions.isPending ? (
        <p className="text-muted-foreground text-sm">Loading sessions…</p>
      ) : rows.length === 0 ? (
        <p className="text-muted-foreground text-sm">
          This session started before sessions were listed here; sign in again to see it.
        </p>
      ) : null}
      {rows.some((session) => !session.current) ? (
        <Button variant="secondary" loading={others.isPending} onClick={() => others.mutate()}>
          Sign out everywhere else
        </Button>
      ) : null}
    </div>
  );
}

/** The new password and the choice to keep access tokens: alike when changing or setting one. */
function NewPasswordFields({ description, error }: { description: string; error?: string }) {
  return (
    <>
      <FormField label="New password" description={description} error={error}>
        <Input name="newPassword" type="password" autoComplete="new-password" required />
      </FormField>
      <label className="flex min-h-11 items-center gap-2 text-sm sm:min-h-0">
        <input type="checkbox" name="keepTokens" /> Keep my personal access tokens working
      </label>
    </>
  );
}
