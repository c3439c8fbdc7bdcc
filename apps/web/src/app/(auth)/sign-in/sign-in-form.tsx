"use client";

import { KeyRound, Mail } from "lucide-react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { AuthFormCard } from "~/components/app/signed-out";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { FormField } from "~/components/ui/form-field";
import { Input } from "~/components/ui/input";
import { Separator } from "~/components/ui/separator";

type Props = {
  callbackUrl: string;
  /** The sign-up page, returning to the same place. */
  signUpHref: string;
  github: boolean;
  email: boolean;
  providerError?: string;
  defaultEmail?: string;
};

export function SignInForm({
  callbackUrl,
  signUpHref,
  github,
  email,
  providerError,
  defaultEmail,
}: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(
    providerError ? "That sign-in did not complete. Try again." : null,
  );
  const [pending, setPending] = useState(false);
  const [magicLinkSent, setMagicLinkSent] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    }).catch(() => null);
    setPending(false);
    if (!result) {
      setError("Could not reach Tradeoff. Check your connection and try again.");
    } else if (result.status === 429 || result.error === "RateLimited") {
      setError(`Too many attempts, try again in ${waitOf(result.url, 900)}.`);
    } else if (result.error) {
      // One message whatever went wrong, so the form never reveals which emails have accounts.
      setError("That email and password do not match an account. Check both and try again.");
    } else {
      router.push(callbackUrl);
      router.refresh();
    }
  }

  async function sendMagicLink(address: string) {
    const result = await signIn("email", { email: address, redirect: false, callbackUrl });
    if (result && (result.status === 429 || result.error === "RateLimited"))
      setError(`Too many sign-in links asked for, try again in ${waitOf(result.url, 3600)}.`);
    else if (result?.error)
      setError("The sign-in link could not be sent. Check the address and try again.");
    else setMagicLinkSent(true);
  }

  return (
    <AuthFormCard
      title="Sign in to Tradeoff"
      description="Your team's decisions, voted and explained."
      error={error}
      other={{ question: "New here?", href: signUpHref, link: "Create an account" }}
    >
      {magicLinkSent ? <Alert variant="success">Check your inbox for a sign-in link.</Alert> : null}
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <FormField label="Email" required>
          <Input
            name="email"
            type="email"
            autoComplete="email"
            required
            autoFocus
            defaultValue={defaultEmail}
          />
        </FormField>
        <FormField label="Password" required>
          <Input name="password" type="password" autoComplete="current-password" required />
        </FormField>
        <Button type="submit" className="w-full" loading={pending}>
          Sign in
        </Button>
      </form>
      {github || email ? (
        <>
          <div className="flex items-center gap-3 text-muted-foreground text-xs">
            <Separator className="flex-1" /> or <Separator className="flex-1" />
          </div>
          {github ? (
            <Button
              variant="secondary"
              className="w-full"
              onClick={() => signIn("github", { callbackUrl })}
            >
              <KeyRound aria-hidden /> Continue with GitHub
            </Button>
          ) : null}
          {email ? (
            <form
              className="flex gap-2"
              onSubmit={(event) => {
                event.preventDefault();
                void sendMagicLink(String(new FormData(event.currentTarget).get("magic") ?? ""));
              }}
            >
              <Input
                name="magic"
                type="email"
                aria-label="Email for a sign-in link"
                placeholder="you@example.com"
              />
              <Button type="submit" variant="secondary">
                <Mail aria-hidden /> Email me a link
              </Button>
            </form>
          ) : null}
        </>
      ) : null}
    </AuthFormCard>
  );
}

/** "12 minutes": the wait a 429 answer carries in its URL, or `fallback` seconds. */
function waitOf(url: string | null | undefined, fallback: number) {
  const seconds = Number(new URL(url ?? "", window.location.href).searchParams.get("retryAfter"));
  const minutes = Math.max(
    1,
    Math.ceil((Number.isFinite(seconds) && seconds > 0 ? seconds : fallback) / 60),
  );
  return `${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
}
