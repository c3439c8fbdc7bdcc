"use client";

import { AlertDialog as AlertDialogPrimitive } from "radix-ui";
import {
  type ComponentProps,
  type MouseEvent,
  type ReactNode,
  useLayoutEffect,
  useRef,
} from "react";
import { cn } from "~/lib/utils";
import { type ButtonProps, buttonVariants } from "./button";
import { modalClasses, overlayClasses } from "./dialog";
import { controlsAround, focusFirstUsable, focusLost } from "./focus-place";
import { Spinner } from "./spinner";

export const AlertDialog = AlertDialogPrimitive.Root;
export const AlertDialogTrigger = AlertDialogPrimitive.Trigger;

/** A modal that demands an answer: no close button, the overlay does not dismiss it. */
export function AlertDialogContent({
  className,
  ...props
}: ComponentProps<typeof AlertDialogPrimitive.Content>) {
  return (
    <AlertDialogPrimitive.Portal>
      <AlertDialogPrimitive.Overlay className={overlayClasses} />
      <AlertDialogPrimitive.Content className={cn(modalClasses, className)} {...props} />
    </AlertDialogPrimitive.Portal>
  );
}

export function AlertDialogHeader({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("grid gap-1.5", className)} {...props} />;
}

export function AlertDialogFooter({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      className={cn("flex flex-col-reverse gap-2 sm:flex-row sm:justify-end", className)}
      {...props}
    />
  );
}

export function AlertDialogTitle({
  className,
  ...props
}: ComponentProps<typeof AlertDialogPrimitive.Title>) {
  return (
    <AlertDialogPrimitive.Title
      className={cn("font-semibold text-lg leading-snug", className)}
      {...props}
    />
  );
}

export function AlertDialogDescription({
  className,
  ...props
}: ComponentProps<typeof AlertDialogPrimitive.Description>) {
  return (
    <AlertDialogPrimitive.Description
      className={cn("text-muted-foreground text-sm", className)}
      {...props}
    />
  );
}

/** The confirming button; destructive by default because that is what this dialog is for. */
export function AlertDialogAction({
  className,
  variant = "destructive",
  ...props
}: ComponentProps<typeof AlertDialogPrimitive.Action> & Pick<ButtonProps, "variant">) {
  return (
    <AlertDialogPrimitive.Action
      className={cn(buttonVariants({ variant }), className)}
      {...props}
    />
  );
}

/** Gets the initial focus, so Enter never confirms a destructive action by accident. */
export function AlertDialogCancel({
  className,
  ...props
}: ComponentProps<typeof AlertDialogPrimitive.Cancel>) {
  return (
    <AlertDialogPrimitive.Cancel
      className={cn(buttonVariants({ variant: "secondary" }), className)}
      {...props}
    />
  );
}

type ConfirmDialogProps = {
  /** The element that opens the dialog, e.g. a Button. */
  trigger: ReactNode;
  title: ReactNode;
  description: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  /**
   * Called on confirm, then the dialog closes. To keep it open while a request
   * runs, call `event.preventDefault()`, pass `pending`, and close it via `open`.
   */
  onConfirm: (event: MouseEvent<HTMLButtonElement>) => void;
  /** While true the confirm button shows a spinner. */
  pending?: boolean;
  variant?: ButtonProps["variant"];
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
};

/**
 * The common "Are you sure?" case in one component.
 *
 * The keyboard's place is kept throughout: the confirm button stays focused while its request
 * runs (busy, not disabled, which would drop the focus to the page's start); once the dialog
 * closes the focus is back on the button that opened it; and when that button goes with the
 * change it confirmed (a revoked row, a removed member), the next control in reading order gets
 * the focus, or the one before it when nothing follows.
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel = "Delete",
  cancelLabel = "Cancel",
  onConfirm,
  pending = false,
  variant = "destructive",
  open,
  defaultOpen,
  onOpenChange,
}: ConfirmDialogProps) {
  const opener = useRef<HTMLButtonElement | null>(null);
  // The controls around the opener as the dialog opened: where the focus goes when the dialog
  // closes after the opener has gone.
  const around = useRef<HTMLElement[]>([]);
  useLayoutEffect(
    () => () => {
      // This runs as the dialog and its opener leave the page, before they are removed: when
      // the opener has the focus, the next control takes it once the removal is done.
      const element = opener.current;
      if (!element || element.ownerDocument.activeElement !== element) return;
      const candidates = controlsAround(element);
      queueMicrotask(() => {
        if (focusLost()) focusFirstUsable(candidates);
      });
    },
    [],
  );
  return (
    <AlertDialog open={open} defaultOpen={defaultOpen} onOpenChange={onOpenChange}>
      <AlertDialogTrigger asChild ref={opener}>
        {trigger}
      </AlertDialogTrigger>
      <AlertDialogContent
        onOpenAutoFocus={() => {
          around.current = opener.current ? controlsAround(opener.current) : [];
        }}
        onCloseAutoFocus={(event) => {
          // The opener gets the focus back (Radix's own behaviour) while it is on the page.
          if (opener.current?.isConnected) return;
          event.preventDefault();
          focusFirstUsable(around.current);
        }}
      >
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>{cancelLabel}</AlertDialogCancel>
          <AlertDialogAction
            variant={variant}
            aria-disabled={pending || undefined}
            aria-busy={pending || undefined}
            // Ignored while busy; preventing the default also keeps the dialog open.
            onClick={pending ? (event) => event.preventDefault() : onConfirm}
          >
            {pending ? <Spinner decorative /> : null}
            {confirmLabel}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
