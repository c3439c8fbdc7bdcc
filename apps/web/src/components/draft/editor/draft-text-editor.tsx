"use client";

import { HocuspocusProvider } from "@hocuspocus/provider";
import { DRAFT_TEXT_FIELDS } from "@tradeoff/api/draft-fields";
import { useEffect, useState } from "react";
import { Alert } from "~/components/ui/alert";
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
  return (
    <div className="grid gap-5">
      <ConnectionStatus state={state} />
      {problem ? (
        <Alert variant="error" title="Not saved">
          {problem}
        </Alert>
      ) : null}
      {canEdit ? null : (
        <p className="text-muted-foreground text-sm">
          You can read this draft; members of the team edit it until it is accepted.
        </p>
      )}
      {DRAFT_TEXT_FIELDS.map((field) => (
        <FieldEditor
          key={field}
          field={field}
          provider={provider}
          editable={canEdit}
          onRefused={setProblem}
        />
      ))}
    </div>
  );
}
