"use client";

import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
} from "@tanstack/react-query";
import type { RouterOutputs } from "@tradeoff/api";
import { MessageSquare } from "lucide-react";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { ShowOlder, useFocusShown } from "~/components/app/show-older";
import { MarkdownText } from "~/components/markdown/markdown";
import { LoadFailed } from "~/components/ui/alert";
import { Avatar } from "~/components/ui/avatar";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Skeleton } from "~/components/ui/skeleton";
import { Textarea } from "~/components/ui/textarea";
import { toast } from "~/components/ui/toaster";
import { newIdempotencyKey } from "~/lib/idempotency-key";
import { cn } from "~/lib/utils";
import { useTRPC } from "~/trpc/react";
import { useShowOlder } from "~/trpc/show-older";
import { commentPages } from "./comment-pages";

type CommentView = RouterOutputs["comment"]["list"]["items"][number];

const OLDER_FAILED = "Older comments could not be loaded. Check your connection and try again.";
type Named = { key: string; name: string };
type Member = { id: string; name: string };

const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

/**
 * Discussion threads: one for the whole decision, one per criterion. Comments are markdown,
 * rendered without raw HTML and sanitised (see MarkdownBody).
 * Typing @ and a name suggests teammates; a chosen one becomes a mention they are notified of.
 */
export function Discussion({
  projectId,
  criteria,
  members,
  readOnly,
}: {
  projectId: string;
  criteria: Named[];
  members: Member[];
  readOnly?: boolean;
}) {
  const trpc = useTRPC();
  const [thread, setThread] = useState<string | null>(null);
  // Another thread's comments stay while this one's load, to keep each thread's count shown.
  const comments = useInfiniteQuery({
    ...commentPages(trpc, projectId, thread),
    placeholderData: keepPreviousData,
  });
  const markSeen = useMutation(trpc.comment.markMentionsSeen.mutationOptions());
  // Opening the discussion is seeing the mentions in it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per project.
  useEffect(() => {
    markSeen.mutate({ projectId });
  }, [projectId]);

  // The newest page comes first; a thread reads oldest first.
  const current = useMemo(
    () => [...(comments.data?.pages ?? [])].reverse().flatMap((page) => page.items),
    [comments.data],
  );
  const counts = comments.data?.pages[0]?.counts ?? {};
  const list = useRef<HTMLOListElement>(null);
  const showOlderButton = useRef<HTMLButtonElement>(null);
  const setFocusId = useFocusShown(
    (id) => list.current?.querySelector(`:scope > li[data-comment-id="${id}"]`),
    () => showOlderButton.current,
  );
  const showOlder = useShowOlder(
    comments.isPlaceholderData ? 0 : (comments.data?.pages.length ?? 0),
    comments.fetchNextPage,
    { one: "comment", many: "comments", failed: OLDER_FAILED },
    // The older comments come above those shown: the keyboard moves to the first of them.
    setFocusId,
  );
  const threads: { key: string | null; name: string }[] = [
    { key: null, name: "Whole decision" },
    ...criteria.map((c) => ({ key: c.key, name: c.name })),
  ];

  return (
    <div className="grid grid-cols-1 gap-6 md:grid-cols-[14rem_minmax(0,1fr)]">
      <nav aria-label="Threads">
        <ul className="space-y-1">
          {threads.map((t) => {
            const count = counts[t.key ?? ""] ?? 0;
            return (
              <li key={t.key ?? "project"}>
                <button
                  type="button"
                  onClick={() => setThread(t.key)}
                  aria-current={t.key === thread ? "true" : undefined}
                  className={cn(
                    "flex min-h-11 w-full items-center justify-between rounded-md px-3 py-2 text-left text-sm hover:bg-accent sm:min-h-0",
                    t.key === thread && "bg-accent font-medium",
                  )}
                >
                  <span className="truncate">{t.name}</span>
                  {count > 0 ? (
                    <span className="text-muted-foreground text-xs">{count}</span>
                  ) : null}
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
      <Card>
        <CardHeader>
          <CardTitle as="h2">{threads.find((t) => t.key === thread)?.name}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <ShowOlder
            showOlder={showOlder}
            hasOlder={!comments.isPlaceholderData && comments.hasNextPage}
            items={current}
            label="Show older comments"
            failed={OLDER_FAILED}
            className="space-y-2"
            buttonRef={showOlderButton}
          />
          {comments.isPending || comments.isPlaceholderData ? (
            <Skeleton className="h-32 w-full" />
          ) : comments.isError ? (
            <LoadFailed what="The discussion" />
          ) : current.length === 0 ? (
            <EmptyState
              icon={<MessageSquare />}
              title="No comments yet"
              description="Say what you think, or ask a teammate with @."
            />
          ) : (
            <ol ref={list} className="space-y-4" data-testid="comments">
              {current.map((c) => (
                <CommentItem key={c.id} comment={c} projectId={projectId} members={members} />
              ))}
            </ol>
          )}
          {readOnly ? null : (
            <Composer
              key={thread ?? "project"}
              projectId={projectId}
              criterionKey={thread}
              members={members}
            />
          )}
        </CardContent>
      </Card>
    </div>
  );
}

function useInvalidateComments() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries(trpc.comment.pathFilter());
    void queryClient.invalidateQueries(trpc.history.pathFilter());
  };
}

function CommentItem({
  comment,
  projectId,
  members,
}: {
  comment: CommentView;
  projectId: string;
  members: Member[];
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidateComments();
  const [editing, setEditing] = useState(false);
  const remove = useMutation(
    trpc.comment.delete.mutationOptions({
      onSuccess: invalidate,
      onError: (error) => toast.error(error.message),
    }),
  );
  const who = comment.author?.name ?? "Someone";
  return (
    <li className="flex gap-3 outline-none" data-comment-id={comment.id} tabIndex={-1}>
      <Avatar name={who} size="sm" className="mt-1" />
      <div className="min-w-0 flex-1 space-y-1">
        <p className="text-sm">
          <strong>{who}</strong>{" "}
          <span className="text-muted-foreground text-xs">
            <time dateTime={comment.createdAt}>{dateTime.format(new Date(comment.createdAt))}</time>
            {comment.editedAt && !comment.deleted ? " (edited)" : ""}
          </span>
        </p>
        {comment.deleted ? (
          <p className="text-muted-foreground text-sm italic">This comment was deleted.</p>
        ) : editing ? (
          <Composer
            projectId={projectId}
            members={members}
            editing={{ commentId: comment.id, body: comment.body }}
            onDone={() => setEditing(false)}
          />
        ) : (
          <>
            <MarkdownBody body={comment.body} />
            {comment.mine ? (
              <div className="flex gap-2">
                <Button variant="link" size="sm" onClick={() => setEditing(true)}>
                  Edit
                </Button>
                <Button
                  variant="destructive-link"
                  size="sm"
                  disabled={remove.isPending}
                  onClick={() => {
                    if (
                      window.confirm("Delete this comment? The thread will show it was deleted.")
                    ) {
                      remove.mutate({ projectId, commentId: comment.id });
                    }
                  }}
                >
                  Delete
                </Button>
              </div>
            ) : null}
          </>
        )}
      </div>
    </li>
  );
}

/** A comment's Markdown (see MarkdownText); mention tokens @[Name](id) read as @Name. */
function MarkdownBody({ body }: { body: string }) {
  const text = body.replace(/@\[([^\]\n]+)\]\([^)\n]+\)/g, "**@$1**");
  return <MarkdownText text={text} className="text-sm" />;
}

function Composer({
  projectId,
  criterionKey,
  members,
  editing,
  onDone,
}: {
  projectId: string;
  criterionKey?: string | null;
  members: Member[];
  editing?: { commentId: string; body: string };
  onDone?: () => void;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidateComments();
  const [body, setBody] = useState(editing?.body ?? "");
  const [error, setError] = useState<string | null>(null);
  const fieldId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  // One comment per send: a second Ctrl+Enter while the first is on its way is ignored.
  const sending = useRef(false);
  // The key sent with this comment: a retry or a second click sends it again, and the server
  // answers the comment it already added. A new one after each comment is added.
  const commentKey = useRef<string | null>(null);
  const options = {
    onSuccess: () => {
      commentKey.current = null;
      setBody("");
      setError(null);
      invalidate();
      if (onDone) onDone();
      // The button greys out with the box empty: the keyboard goes back to the box, ready for
      // the next comment, rather than to the top of the page.
      else field.current?.focus();
    },
    onSettled: () => {
      sending.current = false;
    },
    onError: (e: {
      message: string;
      data?: { fieldErrors?: Record<string, string[] | undefined> | null } | null;
    }) => setError(e.data?.fieldErrors?.body?.[0] ?? e.message),
  };
  const create = useMutation(trpc.comment.create.mutationOptions(options));
  const edit = useMutation(trpc.comment.edit.mutationOptions(options));
  const pending = create.isPending || edit.isPending;

  // "@ada" at the end of the text suggests teammates whose name starts with "ada".
  const query = /(?:^|\s)@([^\s@[\]]{0,30})$/.exec(body)?.[1];
  const suggestions =
    query === undefined
      ? []
      : members.filter((m) => m.name.toLowerCase().includes(query.toLowerCase())).slice(0, 5);

  const submit = () => {
    if (sending.current || body.trim() === "") return;
    sending.current = true;
    if (editing) edit.mutate({ projectId, commentId: editing.commentId, body });
    else {
      commentKey.current ??= newIdempotencyKey();
      create.mutate({
        projectId,
        criterionKey: criterionKey ?? null,
        body,
        idempotencyKey: commentKey.current,
      });
    }
  };

  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor={fieldId} className="sr-only">
        {editing ? "Edit your comment" : "Write a comment"}
      </label>
      <Textarea
        ref={field}
        id={fieldId}
        value={body}
        rows={3}
        placeholder="Write a comment (markdown works; @ mentions a teammate)"
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) submit();
        }}
        aria-invalid={error ? true : undefined}
      />
      {suggestions.length > 0 ? (
        <ul className="flex flex-wrap gap-2" aria-label="Mention a teammate">
          {suggestions.map((m) => (
            <li key={m.id}>
              <Button
                type="button"
                variant="outline"
                size="sm"
                onClick={() =>
                  setBody((b) => b.replace(/@([^\s@[\]]{0,30})$/, `@[${m.name}](${m.id}) `))
                }
              >
                @{m.name}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p className="text-destructive text-sm" role="alert">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={!pending && body.trim() === ""} loading={pending}>
          {editing ? "Save" : "Comment"}
        </Button>
        {editing ? (
          <Button type="button" variant="ghost" size="sm" onClick={onDone}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
