"use client";

import { Plus, Trash2 } from "lucide-react";
import { type ReactNode, useRef } from "react";
import { flushSync } from "react-dom";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";

/**
 * A card of repeated items (options, criteria): its title, the list's own message, each item
 * with its remove button, and the add button, within the list's bounds.
 */
export function ItemList<T extends { id: string }>({
  title,
  description,
  message,
  items,
  min,
  max,
  noun,
  onAdd,
  onRemove,
  children,
}: {
  title: string;
  description?: ReactNode;
  message: string | undefined;
  items: T[];
  min: number;
  max: number;
  noun: string;
  onAdd: () => void;
  onRemove: (index: number) => void;
  children: (item: T, index: number, remove: ReactNode) => ReactNode;
}) {
  // A removed item takes its remove button, and the keyboard's focus, with it: the focus goes
  // to the add button just below the list instead of the top of the page.
  const addButton = useRef<HTMLButtonElement>(null);
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
        {message ? (
          <p className="font-medium text-destructive text-sm" role="alert">
            {message}
          </p>
        ) : null}
      </CardHeader>
      <CardContent className="space-y-3">
        {items.map((item, i) =>
          children(
            item,
            i,
            <Button
              variant="ghost"
              size="icon"
              className="self-end"
              aria-label={`Remove ${noun} ${i + 1}`}
              disabled={items.length <= min}
              onClick={() => {
                flushSync(() => onRemove(i));
                addButton.current?.focus();
              }}
            >
              <Trash2 aria-hidden="true" />
            </Button>,
          ),
        )}
        <Button
          ref={addButton}
          variant="outline"
          size="sm"
          disabled={items.length >= max}
          onClick={onAdd}
        >
          <Plus aria-hidden="true" /> Add {noun}
        </Button>
      </CardContent>
    </Card>
  );
}
