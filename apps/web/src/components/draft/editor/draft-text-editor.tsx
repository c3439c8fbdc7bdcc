"use client";

import { HocuspocusProvider } from "@hocuspocus/provider";
import { DRAFT_TEXT_FIELDS } from "@tradeoff/api/draft-fields";
import { useContext, useEffect, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { DraftStatusContext } from "../draft-status";
import { ConnectionStatus, type SyncState } from "./connection-status";
import { FieldEditor } from "./field-editor";
import { caretColor } from "./fields";
import "./editor.css";

/** Close codes the server uses: the change was refused as too large; access to the draft ended. */
const TOO_LARGE = 4413;
const ACCESS_ENDED = 4403;

/**
 * Why this person can no longer edit the draft while the page is open: made a viewer (the
 * server turned the connection read-only), or out of the team or signed out (it closed it).
 */
type EditingEnded = "viewer" | "access" | "refused";

export type DraftTextEditorProps = {
  draftId: string;
  user: { id: string; name: string };
  canEdit: boolean;
};

/**
 * The server's word that edits of this page were taken but not stored because the draft was
 * accepted or discarded meanwhile (`{"type":"edits-left-out","status":...}`): the status, or null
 * for any other message.
 */
function editsLeftOut(payload: string): string | null {
  const message = parsedMessage(payload);
  if (message?.type !== "edits-left-out") return null;
  return message.status === "DISCARDED" ? "DISCARDED" : "ACCEPTED";
}

/** The server's stateless message as JSON, or null when it is not. */
function parsedMessage(payload: string): { type?: unknown; status?: unknown } | null {
  try {
    return JSON.parse(payload) as { type?: unknown; status?: unknown };
  } catch {
    return null;
  }
}

/**
 * The draft's seven text fields, edited live by everyone on the page: one shared Yjs document
 * (Hocuspocus over /api/collab, signed in by the session cookie) with a fragment per field.
 * Edits made offline stay in the document and merge when the connection returns.
 */
export default function DraftTextEditor({ draftId, user, canEdit }: DraftTextEditorProps) {
  const { id: userId, name: userName } = user;
  const [provider, setProvider] = useState<HocuspocusProvider | null>(null);
  const [state, setState] = useState<SyncState>("connecting");
  const [problem, setProblem] = useState<string | null>(null);
  // Once the draft is accepted or discarded (live, from the page) nothing more is saved: the
  // editor stops, and says so when edits of this page had not reached the server yet. The server
  // says so too, at once, for edits it took but could not store because the draft had just
  // closed (they had been acknowledged, so the page no longer counts them as unsaved).
  const status = useContext(DraftStatusContext);
  const [closedByServer, setClosedByServer] = useState<string | null>(null);
  // Made a viewer, removed from the team or signed out while editing: the editor stops and says
  // why, with whatever had not reached the server yet.
  const [ended, setEnded] = useState<{
    why: EditingEnded;
    unsaved: boolean;
    reason?: string;
  } | null>(null);
  const closed = status !== "PROPOSED" || closedByServer !== null;
  const [leftOut, setLeftOut] = useState<string | null>(null);
  useEffect(() => {
    if (status !== "PROPOSED" && provider?.hasUnsyncedChanges) setLeftOut(status);
  }, [status, provider]);

  useEffect(() => {
    const scheme = window.location.protocol === "https:" ? "wss" : "ws";
    const next = new HocuspocusProvider({
      url: `${scheme}://${window.location.host}/api/collab`,
      name: draftId,
      // The session cookie signs the connection in; the protocol still sends a token message.
      token: "session-cookie",
    });
    // Once for the page: every field's caret in the other browsers carries this name and colour.
    next.setAwarenessField("user", { name: userName, color: caretColor(userId) });
    let connected = false;
    let everSynced = false;
    const update = () => {
      everSynced ||= next.isSynced;
      if (!connected || !navigator.onLine) setState(everSynced ? "offline" : "connecting");
      else setState(next.hasUnsyncedChanges || !next.isSynced ? "saving" : "saved");
    };
    next.on("status", ({ status }: { status: string }) => {
      connected = status === "connected";
      update();
    });
    next.on("synced", update);
    next.on("unsyncedChanges", update);
    const endEditing = (why: EditingEnded, reason?: string) => {
      setEnded((known) => known ?? { why, unsaved: next.hasUnsyncedChanges, reason });
    };
    next.on("stateless", ({ payload }: { payload: string }) => {
      if (parsedMessage(payload)?.type === "read-only") endEditing("viewer");
      const told = editsLeftOut(payload);
      if (!told) return;
      setClosedByServer(told);
      setLeftOut(told);
    });
    next.on("authenticationFailed", ({ reason }: { reason: string }) => {
      // Refused on reconnecting after this page had the draft (the close that said why may
      // have been missed, offline): the editor stops, with the server's reason.
      if (everSynced) {
        endEditing("refused", reason);
        return;
      }
      setProblem(`This draft cannot be opened: ${reason}`);
    });
    next.on("close", ({ event }: { event: { code: number; reason: string } }) => {
      if (event.code === TOO_LARGE) setProblem(event.reason);
      if (event.code === ACCESS_ENDED) endEditing("access");
      update();
    });
    const offline = () => update();
    window.addEventListener("offline", offline);
    window.addEventListener("online", offline);
    setProvider(next);
    return () => {
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", offline);
      next.destroy();
    };
  }, [draftId, userId, userName]);

  if (!provider) return <ConnectionStatus state="connecting" />;
  const editable = canEdit && !closed && !ended;
  return (
    <div className="grid gap-5">
      {closed || ended ? null : <ConnectionStatus state={state} />}
      {ended && !closed ? <EditingEndedNotice {...ended} /> : null}
      {leftOut === "DISCARDED" ? (
        <Alert variant="error" title="Your last edits were not saved" data-testid="edits-left-out">
          The draft was discarded before your last edits reached the server, so they were not saved.
          They stay on this page until you reload it: copy what you still need.
        </Alert>
      ) : leftOut ? (
        <Alert
          variant="error"
          title="Your last edits are not in the record"
          data-testid="edits-left-out"
        >
          The draft was accepted before your last edits reached the server, so the record does not
          hold them. They stay on this page until you reload it: copy what you still need.
        </Alert>
      ) : null}
      {problem ? (
        <Alert variant="error" title="Not saved">
          {problem}
        </Alert>
      ) : null}
      {canEdit || closed ? null : (
        <p className="text-muted-foreground text-sm">
          You can read this draft; members of the team edit it until it is accepted.
        </p>
      )}
      {DRAFT_TEXT_FIELDS.map((field) => (
        <FieldEditor
          key={field}
          field={field}
          provider={provider}
          editable={editable}
          onRefused={setProblem}
        />
      ))}
    </div>
  );
}

/** Why the editor stopped, and what to do: a status region, read out when it appears. */
function EditingEndedNotice({
  why,
  unsaved,
  reason,
}: {
  why: EditingEnded;
  unsaved: boolean;
  reason?: string | undefined;
}) {
  return (
    <Alert variant="warning" title="You can no longer edit this draft" data-testid="editing-ended">
      {why === "viewer"
        ? "You are now a viewer of this team: you can read this draft, but not edit it. To edit it again, ask an owner or admin of the team to make you a member."
        : why === "access"
          ? "You are no longer in this draft's team, or were signed out on this browser. Sign in again, or ask an owner or admin of the team to add you back, then reload this page."
          : `The server no longer lets this page open the draft: ${reason ?? "no reason was given"} Reload the page once that is resolved.`}
      {unsaved
        ? " Your last edits had not reached the server and were not saved: they stay on this page until you reload it, so copy what you still need."
        : null}
    </Alert>
  );
}
