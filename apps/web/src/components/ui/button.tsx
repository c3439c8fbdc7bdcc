import type { ComponentProps } from "react";
import { cn } from "~/lib/utils";
import { type ButtonVariantProps, buttonVariants } from "./button-variants";
import { Spinner } from "./spinner";

export { buttonVariants };

/** A link that looks like a button is a plain `<Link className={buttonVariants()}>`. */
export type ButtonProps = ComponentProps<"button"> &
  ButtonVariantProps & {
    /** Shows a spinner, sets aria-busy and blocks clicks; the label stays for screen readers. */
    loading?: boolean;
  };

export function Button({
  className,
  variant,
  size,
  loading = false,
  disabled,
  type,
  children,
  ...props
}: ButtonProps) {
  const classes = cn(buttonVariants({ variant, size }), className);

  return (
    <button
      // Default to "button" so a Button inside a form never submits it by accident.
      type={type ?? "button"}
      className={classes}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...props}
    >
      {loading ? <Spinner decorative /> : null}
      {children}
    </button>
  );
}
