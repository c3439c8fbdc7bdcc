"use client";

import { useMutation } from "@tanstack/react-query";
import {
  emailSchema,
  newPasswordSchema,
  PASSWORD_MIN_LENGTH,
  personNameSchema,
} from "@tradeoff/api/schemas";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { AuthFormCard, CardHeading } from "~/components/app/signed-out";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, CardContent } from "~/components/ui/card";
import { FormField } from "~/components/ui/form-field";
import { Input } from "~/components/ui/input";
import { signInPath } from "~/lib/return-path";
import { formErrorsOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

type Field = "name" | "email" | "password";

/** The API's own checks of each field, run before sending (how hard a password is to guess is
 * checked by the server alone: its dictionaries are large). */
const FIELD_CHECKS = { name: personNameSchema, email: emailSchema, password: newPasswordSchema };

/** The first message of each field the API's schemas refuse. */
function refusedFields(input: Record<Field, string>): Partial<Record<Field, string>> {
  const refused: Partial<Record<Field, string>> = {};
  for (const field of Object.keys(FIELD_CHECKS) as Field[]) {
    const checked = FIELD_CHECKS[field].safeParse(input[field]);
    if (!checked.success) refused[field] = checked.error.issues[0]?.message;
  }
  return refused;
}

/**
 * Sign-up answers every valid request with the same page, whether the email was new or already
 * had an account (the API's answer is the same too): "check your inbox" when the app sends
 * email (the new address gets a link to sign in, a used one a note to its owner), otherwise a
 * sentence and a button that signs in with what was just typed. Nothing signs in by itself.
 */
export function SignUpForm({
  callbackUrl = "/",
  emailed,
}: {
  callbackUrl?: string;
  /** Whether the app sends email (SMTP configured). */
  emailed: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  // What was submitted, once the server answered: the next step is shown instead of the form.
  const [answered, setAnswered] = useState<{ email: string; password: string } | null>(null);
  const [signInFailed, setSignInFailed] = useState(false);
  const [signingIn, setSigningIn] = useState(false);
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const signInHref = signInPath(callbackUrl);
  const { fields: server, general: generalError } = formErrorsOf(signUp.error);
  // Fields refused before sending: a request the server would refuse is never made.
  const [refused, setRefused] = useState<Partial<Record<Field, string>>>({});
  const messageOf = (field: Field) => refused[field] ?? server[field]?.[0];

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      // The welcome email's link returns here too.
      returnPath: callbackUrl,
    };
    const problems = refusedFields(input);
    setRefused(problems);
    if (Object.keys(problems).length > 0) {
      signUp.reset();
      return;
    }
    const answer = await signUp.mutateAsync(input).catch(() => null);
    if (answer) setAnswered({ email: input.email, password: input.password });
  }

  /** One click on the next step: a sign-in with what was just typed, like any other. */
  async function continueSigningIn() {
    if (!answered) return;
    setSigningIn(true);
    setSignInFailed(false);
    const result = await signIn("credentials", {
      email: answered.email,
      password: answered.password,
      redirect: false,
    }).catch(() => null);
    setSigningIn(false);
    if (!result || result.error) {
      setSignInFailed(true);
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  if (answered) {
    return (
      <Card>
        <CardHeading title={emailed ? "Check your inbox" : "Sign in to continue"} />
        <CardContent className="space-y-4">
          {emailed ? (
            <Alert variant="info">
              We sent an email to {answered.email.trim()} with a link to sign in. If this email
              already had an account, sign in with that account's password.
            </Alert>
          ) : (
            <Alert variant="info">
              Sign in to continue, with the email and password you chose. If this email already had
              an account, use that account's password.
            </Alert>
          )}
          {signInFailed ? (
            <Alert variant="error">
              That email and password did not sign in. Sign in with the account's password.
            </Alert>
          ) : null}
          {emailed ? (
            <Link
              className="font-medium text-foreground underline underline-offset-4"
              href={signInHref}
            >
              Go to sign in
            </Link>
          ) : (
            <div className="flex flex-wrap items-center gap-3">
              <Button loading={signingIn} onClick={() => void continueSigningIn()}>
                Sign in
              </Button>
              <Link
                className="font-medium text-foreground underline underline-offset-4"
                href={signInHref}
              >
                Go to the sign-in page
              </Link>
            </div>
          )}
        </CardContent>
      </Card>
    );
  }

  return (
    <AuthFormCard
      title="Create your account"
      description="Then create a team and open your first decision."
      error={generalError}
      other={{ question: "Already have an account?", href: signInHref, link: "Sign in" }}
    >
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <FormField label="Name" required error={messageOf("name")}>
          <Input name="name" autoComplete="name" maxLength={80} required autoFocus />
        </FormField>
        <FormField label="Email" required error={messageOf("email")}>
          <Input name="email" type="email" autoComplete="email" required />
        </FormField>
        <FormField
          label="Password"
          required
          description={`At least ${PASSWORD_MIN_LENGTH} characters.`}
          error={messageOf("password")}
        >
          <Input name="password" type="password" autoComplete="new-password" required />
        </FormField>
        <Button type="submit" className="w-full" loading={signUp.isPending}>
          Create account
        </Button>
      </form>
    </AuthFormCard>
  );
}
