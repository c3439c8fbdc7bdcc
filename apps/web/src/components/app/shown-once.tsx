"use client";

import { Copy } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
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
 * it is, "link") a button that copies it.
 */
export function ShownOnce({
  title,
  value,
  label,
  copy,
  variant = "success",
  children,
  ...input
}: {
  title: ReactNode;
  value: string;
  /** The field's accessible name. */
  label: string;
  copy?: string;
  variant?: "success" | "warning";
  children?: ReactNode;
} & Pick<ComponentProps<"input">, "className"> & { "data-testid"?: string }) {
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
        readOnly
        value={value}
        aria-label={label}
        onFocus={(e) => e.currentTarget.select()}
      />
    </Alert>
  );
}
