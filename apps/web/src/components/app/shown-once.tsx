import type { ComponentProps, ReactNode } from "react";
import { Alert } from "~/components/ui/alert";
import { Input } from "~/components/ui/input";

/**
 * A secret or link the server shows only once (a token, a webhook's signing secret, a share
 * link): a read-only field that selects itself when focused, so it is easy to copy.
 */
export function ShownOnce({
  title,
  value,
  label,
  action,
  children,
  ...input
}: {
  title: ReactNode;
  value: string;
  /** The field's accessible name. */
  label: string;
  action?: ReactNode;
  children?: ReactNode;
} & Pick<ComponentProps<"input">, "className"> & { "data-testid"?: string }) {
  return (
    <Alert variant="success" title={title} action={action}>
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
