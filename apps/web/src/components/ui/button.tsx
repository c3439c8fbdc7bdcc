import type { ComponentProps } from "react";
import { cn } from "~/lib/utils";
import { type ButtonVariantProps, buttonVariants } from "./button-variants";
import { Spinner } from "./spinner";

export { buttonVariants };

/** A link that looks like a button is a plain `<Link className={buttonVariants()}>`. */
export type ButtonProps = ComponentProps<"button"> &
  ButtonVariantProps & {
    /** Shows a spinner, sets aria-busy and ignores presses, keeping focus; the label stays for screen readers. */
    loading?: boolean;
  };

export function Button({
  className,
  variant,
  size,
  loading = false,
  disabled,
  type,
  onClick,
  children,
  ...props
}: ButtonProps) {
  const classes = cn(buttonVariants({ variant, size }), className);
  // A button at work stays focusable: disabling it would drop the keyboard's focus to the page,
  // and the reader would start again from the top. It says it is busy and unavailable, and
  // ignores presses (a click, Enter or Space on it, or Enter in its form's fields, which the
  // browser sends as a click on the form's submit button) until it is done.
  const busy = loading && !disabled;

  return (
    <button
      // Default to "button" so a Button inside a form never submits it by accident.
      type={type ?? "button"}
      className={classes}
      disabled={disabled}
      aria-disabled={busy || undefined}
      aria-busy={loading || undefined}
      onClick={busy ? (event) => event.preventDefault() : onClick}
      {...props}
    >
      {loading ? <Spinner decorative /> : null}
      {children}
    </button>
  );
}
