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

/** Close codes the server uses: the change was refused as too large. */
const TOO_LARGE = 4413;

export type DraftTextEditorProps = {
  draftId: string;
  user: { id: string; name: string };
  canEdit: boolean;
};

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
  // Once the draft is accepted (live, from the page) nothing more is saved: the editor stops, and
  // says so when edits of this page had not reached the server yet.
  const closed = useContext(DraftStatusContext) !== "PROPOSED";
  const [leftOut, setLeftOut] = useState(false);
  useEffect(() => {
    if (closed && provider?.hasUnsyncedChanges) setLeftOut(true);
  }, [closed, provider]);

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
    next.on("authenticationFailed", ({ reason }: { reason: string }) => {
      setProblem(`This draft cannot be opened: ${reason}`);
    });
    next.on("close", ({ event }: { event: { code: number; reason: string } }) => {
      if (event.code === TOO_LARGE) setProblem(event.reason);
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
  const editable = canEdit && !closed;
  return (
    <div className="grid gap-5">
      {closed ? null : <ConnectionStatus state={state} />}
      {leftOut ? (
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
