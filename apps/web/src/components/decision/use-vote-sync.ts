"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@tradeoff/api";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ownerlessVoteKey, pendingVoteKey } from "~/lib/pending-votes";
import { isTRPCClientError, messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

export type VoteValue = {
  weight: number | null;
  scores: Record<string, number | null>;
  /** An explicit "no opinion" on the whole criterion (absent in edits kept by older pages). */
  noOpinion?: boolean;
  rationale: string | null;
};

export type SyncState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  /**
   * Could not reach the server, or it could not save: kept locally and retried. `uncertain`:
   * the connection dropped as it was being committed, so it may already be saved.
   */
  | { kind: "retrying"; attempt: number; nextAt: number; uncertain: boolean }
  /** The server refused it (closed project, invalid value): not retried. */
  | { kind: "refused"; message: string };

type Entry = { value: VoteValue; state: SyncState; version: number };
type SavedVotes = RouterOutputs["vote"]["mine"];

function savedEntries(votes: SavedVotes): Record<string, Entry> {
  const entries: Record<string, Entry> = {};
  for (const vote of votes) {
    entries[vote.criterionKey] = {
      value: {
        weight: vote.weight,
        scores: vote.scores,
        noOpinion: vote.noOpinion,
        rationale: vote.rationale,
      },
      state: { kind: "saved", at: vote.savedAt },
      version: 0,
    };
  }
  return entries;
}

const SEND_DELAY_MS = 350;
const MAX_BACKOFF_MS = 30_000;

/** Where a member's pending edits live: one entry per member, project and criterion. */
type Place = { userId: string; projectId: string };

function readStored(place: Place, criterionKey: string): VoteValue | null {
  try {
    // An edit kept before entries named their member may be anyone's: it is dropped, never sent.
    window.localStorage.removeItem(ownerlessVoteKey(place.projectId, criterionKey));
    const raw = window.localStorage.getItem(
      pendingVoteKey(place.userId, place.projectId, criterionKey),
    );
    return raw ? (JSON.parse(raw) as VoteValue) : null;
  } catch {
    return null;
  }
}

function writeStored(place: Place, criterionKey: string, value: VoteValue | null) {
  const key = pendingVoteKey(place.userId, place.projectId, criterionKey);
  try {
    if (value) window.localStorage.setItem(key, JSON.stringify(value));
    else window.localStorage.removeItem(key);
  } catch {
    // Private mode or a full quota: the edit still lives in memory until it is saved.
  }
}

/** The server lost its database connection while committing: the vote may have been saved. */
function outcomeUnknown(error: unknown) {
  if (!isTRPCClientError(error)) return false;
  return (error.data as { reason?: string | null } | undefined)?.reason === "OUTCOME_UNKNOWN";
}

/**
 * The server refused the vote because the browser is signed in as someone else now than the
 * member this page was opened for (another tab signed in meanwhile): its message says who.
 */
function otherAccountMessage(error: unknown): string | null {
  if (!isTRPCClientError(error)) return null;
  const fields = (error.data as { fieldErrors?: Record<string, string[]> | null } | undefined)
    ?.fieldErrors;
  return fields?.voterId?.[0] ?? null;
}

/** Refusals are final; anything else (network, server restarting) is worth retrying. */
function isRefusal(error: unknown) {
  if (!isTRPCClientError(error)) return false;
  const code = (error.data as { code?: string } | undefined)?.code;
  return Boolean(
    code && ["BAD_REQUEST", "CONFLICT", "FORBIDDEN", "NOT_FOUND", "UNAUTHORIZED"].includes(code),
  );
}

/**
 * The member's votes on one project, saved as they edit. Every edit is written to
 * localStorage (keyed by member, project and criterion: on a shared browser, nobody's pending
 * edit is ever sent as someone else's) before it is sent, and removed only once the
 * server acknowledges that exact version, so nothing entered is lost on a flaky connection or
 * while the database restarts; failed sends are retried with backoff, and pending edits are
 * resent when the same member opens the page again. Saves are idempotent on the server, so retries are safe.
 * Every save names the member the page was opened for: when the browser has signed in as someone
 * else since (another tab), the server refuses it, and the page stops sending, shows who is signed
 * in now, and keeps the member's unsent edits on the device for when they sign in again.
 */
export function useVoteSync(
  /** The signed-in member: their pending edits alone are read and resent. */
  userId: string,
  projectId: string,
  criterionKeys: string[],
  enabled: boolean,
  /** The votes as the server rendered them: shown from the first paint. */
  initialVotes?: SavedVotes,
) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mine = useQuery({
    ...trpc.vote.mine.queryOptions({ projectId }),
    enabled,
    initialData: initialVotes,
  });
  const cast = useMutation(trpc.vote.cast.mutationOptions());
  const [entries, setEntries] = useState<Record<string, Entry>>(() =>
    savedEntries(initialVotes ?? []),
  );
  const entriesRef = useRef(entries);
  entriesRef.current = entries;
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const inFlight = useRef(new Set<string>());
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const place = useMemo(() => ({ userId, projectId }), [userId, projectId]);
  /** Set once the server says another account is signed in: nothing more is sent from here. */
  const [otherAccount, setOtherAccount] = useState<string | null>(null);
  const otherAccountRef = useRef<string | null>(null);

  const update = useCallback((criterionKey: string, patch: Partial<Entry>) => {
    setEntries((current) => {
      const previous = current[criterionKey];
      if (!previous) return current;
      const next = { ...current, [criterionKey]: { ...previous, ...patch } };
      entriesRef.current = next;
      return next;
    });
  }, []);

  const refreshResults = useCallback(() => {
    // Many quick edits refresh the recommendation once.
    if (refreshTimer.current) clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(() => {
      for (const queryKey of [
        trpc.project.recommendation.queryKey({ projectId }),
        trpc.project.participation.queryKey({ projectId }),
      ]) {
        void queryClient.invalidateQueries({ queryKey });
      }
    }, 250);
  }, [queryClient, trpc, projectId]);

  const sendRef = useRef<(criterionKey: string, attempt: number) => Promise<void>>(async () => {});
  /** (Re)arms the one timer of a criterion; the newest call wins. */
  const schedule = useCallback((criterionKey: string, delay: number, attempt = 0) => {
    const existing = timers.current.get(criterionKey);
    if (existing) clearTimeout(existing);
    timers.current.set(
      criterionKey,
      setTimeout(() => {
        timers.current.delete(criterionKey);
        void sendRef.current(criterionKey, attempt);
      }, delay),
    );
  }, []);

  const send = useCallback(
    async (criterionKey: string, attempt = 0) => {
      const entry = entriesRef.current[criterionKey];
      if (!entry) return;
      if (otherAccountRef.current) {
        update(criterionKey, { state: { kind: "refused", message: otherAccountRef.current } });
        return;
      }
      if (inFlight.current.has(criterionKey)) {
        // One request per criterion at a time; the newest version goes next.
        schedule(criterionKey, SEND_DELAY_MS, attempt);
        return;
      }
      inFlight.current.add(criterionKey);
      const { version, value } = entry;
      update(criterionKey, { state: { kind: "saving" } });
      try {
        const saved = await cast.mutateAsync({
          projectId,
          criterionKey,
          voterId: userId,
          ...value,
        });
        if (entriesRef.current[criterionKey]?.version === version) {
          writeStored(place, criterionKey, null);
          update(criterionKey, { state: { kind: "saved", at: saved.savedAt } });
        }
        refreshResults();
      } catch (error) {
        const signedInAs = otherAccountMessage(error);
        if (signedInAs) {
          // The edits are this member's, kept under their id: sent when they sign in again here.
          otherAccountRef.current = signedInAs;
          setOtherAccount(signedInAs);
          for (const timer of timers.current.values()) clearTimeout(timer);
          timers.current.clear();
          setEntries((current) => {
            const next = { ...current };
            for (const [key, other] of Object.entries(current)) {
              if (other.state.kind !== "saved" && other.state.kind !== "idle")
                next[key] = { ...other, state: { kind: "refused", message: signedInAs } };
            }
            entriesRef.current = next;
            return next;
          });
        } else if (isRefusal(error)) {
          writeStored(place, criterionKey, null);
          update(criterionKey, { state: { kind: "refused", message: messageOf(error) } });
          void queryClient.invalidateQueries({
            queryKey: trpc.project.get.queryKey({ projectId }),
          });
        } else {
          const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt);
          update(criterionKey, {
            state: {
              kind: "retrying",
              attempt: attempt + 1,
              nextAt: Date.now() + delay,
              uncertain: outcomeUnknown(error),
            },
          });
          schedule(criterionKey, delay, attempt + 1);
        }
      } finally {
        inFlight.current.delete(criterionKey);
      }
    },
    [
      cast.mutateAsync,
      userId,
      projectId,
      place,
      queryClient,
      trpc,
      update,
      refreshResults,
      schedule,
    ],
  );

  sendRef.current = send;

  // Start from the server's votes, then lay unsent local edits over them and resend those.
  const loaded = useRef(false);
  useEffect(() => {
    if (!mine.data || loaded.current) return;
    loaded.current = true;
    const next = savedEntries(mine.data);
    const pending: string[] = [];
    for (const key of criterionKeys) {
      const stored = readStored(place, key);
      if (!stored) continue;
      next[key] = { value: stored, state: { kind: "saving" }, version: 1 };
      pending.push(key);
    }
    entriesRef.current = next;
    setEntries(next);
    for (const key of pending) schedule(key, 0);
  }, [mine.data, criterionKeys, place, schedule]);

  // Back online: retry at once instead of waiting for the backoff.
  useEffect(() => {
    const retryAll = () => {
      for (const [key, entry] of Object.entries(entriesRef.current)) {
        if (entry.state.kind === "retrying") schedule(key, 0, entry.state.attempt);
      }
    };
    window.addEventListener("online", retryAll);
    return () => window.removeEventListener("online", retryAll);
  }, [schedule]);

  useEffect(
    () => () => {
      for (const timer of timers.current.values()) clearTimeout(timer);
      if (refreshTimer.current) clearTimeout(refreshTimer.current);
    },
    [],
  );

  const edit = useCallback(
    (criterionKey: string, change: (value: VoteValue) => VoteValue, delay = SEND_DELAY_MS) => {
      // Signed in as someone else now: whoever is at the keyboard is not this ballot's member.
      if (otherAccountRef.current) return;
      const previous = entriesRef.current[criterionKey];
      const value = change(
        previous?.value ?? { weight: null, scores: {}, noOpinion: false, rationale: null },
      );
      const entry: Entry = {
        value,
        state: { kind: "saving" },
        version: (previous?.version ?? 0) + 1,
      };
      const next = { ...entriesRef.current, [criterionKey]: entry };
      entriesRef.current = next;
      setEntries(next);
      writeStored(place, criterionKey, value);
      schedule(criterionKey, delay);
    },
    [place, schedule],
  );

  const retry = useCallback((criterionKey: string) => schedule(criterionKey, 0), [schedule]);

  return {
    ready: mine.isSuccess || !enabled,
    loadError: mine.error,
    /** Why nothing more is sent: the browser is signed in as another account now. */
    otherAccount,
    entries,
    edit,
    retry,
  };
}
