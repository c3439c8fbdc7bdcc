"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { type FormEvent, type ReactNode, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { ConfirmDialog } from "~/components/ui/alert-dialog";
import { Button } from "~/components/ui/button";
import { FormField } from "~/components/ui/form-field";
import { Input } from "~/components/ui/input";
import { toast } from "~/components/ui/toaster";
import { fieldErrorsOf, messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

type Account = { id: string; name: string | null; email: string | null; hasPassword: boolean };

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

const generalError = (error: unknown, fields: Record<string, unknown>) =>
  error && Object.keys(fields).length === 0 ? messageOf(error) : null;

export function AccountForms({ account }: { account: Account }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [confirmation, setConfirmation] = useState("");

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
    void signOut({ callbackUrl: "/sign-in" });
  };
  const password = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: () => endSessions("Password changed. Sign in again with the new one."),
    }),
  );
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
        void signOut({ callbackUrl: "/" });
      },
    }),
  );

  const nameFields = fieldErrorsOf(rename.error);
  const passwordFields = fieldErrorsOf(password.error);
  const deleteFields = fieldErrorsOf(remove.error);

  return (
    <>
      <Section title="Name">
        {generalError(rename.error, nameFields) ? (
          <Alert variant="error">{messageOf(rename.error)}</Alert>
        ) : null}
        <form
          className="flex flex-wrap items-end gap-3"
          noValidate
          onSubmit={(event: FormEvent<HTMLFormElement>) => {
            event.preventDefault();
            rename.mutate({ name: String(new FormData(event.currentTarget).get("name") ?? "") });
          }}
        >
          <FormField label="Your name" error={nameFields.name?.[0]} className="min-w-60 flex-1">
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
          description="Changing it signs you out on every device, this one included."
        >
          {generalError(password.error, passwordFields) ? (
            <Alert variant="error">{messageOf(password.error)}</Alert>
          ) : null}
          <form
            className="space-y-3"
            noValidate
            onSubmit={(event: FormEvent<HTMLFormElement>) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              password.mutate({
                currentPassword: String(form.get("currentPassword") ?? ""),
                newPassword: String(form.get("newPassword") ?? ""),
              });
            }}
          >
            <FormField label="Current password" error={passwordFields.currentPassword?.[0]}>
              <Input
                name="currentPassword"
                type="password"
                autoComplete="current-password"
                required
              />
            </FormField>
            <FormField
              label="New password"
              description="At least 8 characters."
              error={passwordFields.newPassword?.[0]}
            >
              <Input name="newPassword" type="password" autoComplete="new-password" required />
            </FormField>
            <Button type="submit" loading={password.isPending}>
              Change password
            </Button>
          </form>
        </Section>
      ) : null}

      <Section
        title="Sessions"
        description="Lost a device or signed in somewhere you should not have? End every session at once."
      >
        <ConfirmDialog
          trigger={<Button variant="secondary">Sign out everywhere</Button>}
          title="Sign out on every device?"
          description="Every session ends on its next request, this one included."
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
        {generalError(remove.error, deleteFields) ? (
          <Alert variant="error">{messageOf(remove.error)}</Alert>
        ) : null}
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
              error={deleteFields.confirmation?.[0]}
            >
              <Input
                type={account.hasPassword ? "password" : "email"}
                value={confirmation}
                onChange={(e) => setConfirmation(e.target.value)}
                autoComplete={account.hasPassword ? "current-password" : "email"}
              />
            </FormField>
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
