"use client";

import { useEffect } from "react";

import { LAST_TEAM_COOKIE } from "~/lib/last-team-cookie";

/** Remembers the team being viewed, so the next visit opens it again. */
export function RememberLastTeam({ slug }: { slug: string }) {
  useEffect(() => {
    // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie, read by the server on the next visit.
    document.cookie = `${LAST_TEAM_COOKIE}=${encodeURIComponent(slug)}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
  }, [slug]);
  return null;
}
