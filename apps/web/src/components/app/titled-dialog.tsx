"use client";

import type { ComponentProps, ReactElement, ReactNode } from "react";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "~/components/ui/dialog";

/**
 * A dialog with its title and a line that says what it is for, above `children` (a form, or
 * what it explains). `trigger` is the button that opens it; without one, `open` does (a dialog
 * opened from a menu item).
 */
export function TitledDialog({
  trigger,
  title,
  description,
  open,
  defaultOpen,
  onOpenChange,
  onCloseAutoFocus,
  children,
}: {
  trigger?: ReactElement;
  title: ReactNode;
  description: ReactNode;
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Where the keyboard goes when the dialog closes, when not back to `trigger`. */
  onCloseAutoFocus?: ComponentProps<typeof DialogContent>["onCloseAutoFocus"];
  children: ReactNode;
}) {
  return (
    <Dialog open={open} defaultOpen={defaultOpen} onOpenChange={onOpenChange}>
      {trigger ? <DialogTrigger asChild>{trigger}</DialogTrigger> : null}
      <DialogContent onCloseAutoFocus={onCloseAutoFocus}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        {children}
      </DialogContent>
    </Dialog>
  );
}
