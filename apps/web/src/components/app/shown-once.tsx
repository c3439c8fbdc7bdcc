"use client";

import { Copy } from "lucide-react";
import { type ComponentProps, type ReactNode, useEffect, useRef } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { toast } from "~/components/ui/toaster";

async function copyShown(text: string, noun: string) {
  try {
    await navigator.clipboard.writeText(text);
    toast.success(`${noun[0]?.toUpperCase()}${noun.slice(1)} copied.`);
  } catch {
    toast.error(`Could not copy automatically. Select the ${noun} and copy it.`);
  }
}

/**
 * A secret or link the server shows only once (a token, a webhook's signing secret, a share or
 * invitation link): a read-only field that selects itself when focused, and with `copy` (what
 * it is, "link") a button that copies it. With `focusOnShow`, each value shown takes the focus
 * (selected, ready to copy), where the press that made it would otherwise leave none.
 */
export function ShownOnce({
  title,
  value,
  label,
  copy,
  variant = "success",
  focusOnShow = false,
  children,
  ...input
}: {
  title: ReactNode;
  value: string;
  /** The field's accessible name. */
  label: string;
  copy?: string;
  variant?: "success" | "warning";
  focusOnShow?: boolean;
  children?: ReactNode;
} & Pick<ComponentProps<"input">, "className"> & { "data-testid"?: string }) {
  const field = useRef<HTMLInputElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once for each value shown.
  useEffect(() => {
    if (focusOnShow) field.current?.focus();
  }, [value, focusOnShow]);
  return (
    <Alert
      variant={variant}
      title={title}
      action={
        copy ? (
          <Button size="sm" variant="secondary" onClick={() => void copyShown(value, copy)}>
            <Copy aria-hidden /> Copy {copy}
          </Button>
        ) : undefined
      }
    >
      {children}
      <Input
        {...input}
        ref={field}
        readOnly
        value={value}
        aria-label={label}
        onFocus={(e) => e.currentTarget.select()}
      />
    </Alert>
  );
}
