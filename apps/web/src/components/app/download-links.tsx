"use client";

import { Download } from "lucide-react";
import Link from "next/link";
import { type MouseEvent, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { buttonVariants } from "~/components/ui/button";
import { Spinner } from "~/components/ui/spinner";
import { signInPath } from "~/lib/return-path";
import { fileNameOf } from "./content-disposition";
import { saveBlob } from "./save-blob";

/*
 * Why the page downloads the file itself instead of leaving it to `<a download>`: when the server
 * refuses (signed out, no longer a member, the project deleted) or fails, the browser's download
 * bar says only "Failed - Network error" or "Server problem", and the reason the server gave is
 * lost. A press fetches the file first: when it comes, it is saved under the name of its
 * Content-Disposition header, as the browser would have; when it does not, the page says why and
 * what to do, next to the links. Each link keeps its href and `download`, so it still works before
 * the scripts have loaded, without JavaScript, and from "Save link as"; presses with a modifier
 * key (new tab, new window, save) are left to the browser. The file is held in memory once before
 * it is saved: an export is one decision's documents.
 */

export type DownloadLink = { href: string; label: string };

type Failure = { label: string; reason: string; advice: string; signIn: boolean };

/** What a refusal means for the person who pressed the link, and what they can do about it. */
function adviceFor(status: number): Pick<Failure, "advice" | "signIn"> {
  if (status === 401) return { advice: "Sign in again, then download it once more.", signIn: true };
  if (status === 403 || status === 404)
    return {
      advice:
        "The decision may have been deleted, or you may no longer be a member of its team. Reload the page to see what is still there, or ask a team admin.",
      signIn: false,
    };
  if (status === 429)
    return { advice: "Too many downloads at once: wait a minute, then try again.", signIn: false };
  return {
    advice: "Try again in a moment. If it keeps failing, tell your team's admin.",
    signIn: false,
  };
}

/** The server's own words for a refusal, when it sent a short plain-text message. */
async function reasonOf(response: Response): Promise<string> {
  const type = response.headers.get("content-type") ?? "";
  if (type.startsWith("text/plain")) {
    const text = (await response.text()).trim();
    if (text && text.length <= 300) return text;
  }
  return `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}.`;
}

/** A row of download links; a download that fails says why and what to do, under the row. */
export function DownloadLinks({ label, links }: { label: string; links: readonly DownloadLink[] }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function download(event: MouseEvent<HTMLAnchorElement>, link: DownloadLink) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    if (busy) return;
    setBusy(link.href);
    setFailure(null);
    try {
      const response = await fetch(link.href, { credentials: "same-origin" });
      if (!response.ok) {
        setFailure({
          label: link.label,
          reason: await reasonOf(response),
          ...adviceFor(response.status),
        });
        return;
      }
      const fallback = new URL(link.href, window.location.href).pathname.split("/").pop();
      saveBlob(
        await response.blob(),
        fileNameOf(response.headers.get("content-disposition")) ?? fallback ?? "download",
      );
    } catch {
      setFailure({
        label: link.label,
        reason: "The connection to the server was lost.",
        advice: "Check your connection, then try again.",
        signIn: false,
      });
    } finally {
      setBusy(null);
    }
  }

  const signInHref =
    typeof window === "undefined"
      ? "/sign-in"
      : signInPath(window.location.pathname + window.location.search);

  return (
    <div className="space-y-3">
      {/* On a phone the links fill each row they wrap onto, as a decision's buttons do. */}
      <nav aria-label={label} className="flex flex-wrap gap-2 max-sm:*:flex-auto">
        {links.map((link) => (
          <a
            key={link.href}
            href={link.href}
            download
            aria-busy={busy === link.href || undefined}
            onClick={(event) => void download(event, link)}
            className="inline-flex items-center justify-center gap-1 rounded-md border px-2 py-1 text-sm hover:bg-accent"
          >
            {busy === link.href ? (
              <Spinner decorative className="size-3.5" />
            ) : (
              <Download aria-hidden="true" className="size-3.5" />
            )}{" "}
            {link.label}
          </a>
        ))}
      </nav>
      {failure ? (
        <Alert
          variant="error"
          title={`${failure.label} was not downloaded`}
          action={
            failure.signIn ? (
              <Link href={signInHref} className={buttonVariants({ size: "sm" })}>
                Sign in
              </Link>
            ) : null
          }
        >
          <p>{failure.reason}</p>
          <p>{failure.advice}</p>
        </Alert>
      ) : null}
    </div>
  );
}
