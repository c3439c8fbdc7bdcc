"use client";

import { type ReactNode, useId } from "react";
import { cn } from "~/lib/utils";
import { type FormControlProps, FormFieldContext } from "./form-control";
import { Label } from "./label";

type FormFieldProps = {
  label: ReactNode;
  /** Help text shown under the label. */
  description?: ReactNode;
  /** Validation message; when set the control is marked invalid. */
  error?: string;
  required?: boolean;
  /** Id for the control; generated when omitted. */
  id?: string;
  className?: string;
  /** A control (Input, Textarea, Select ...) or a render function receiving the wiring props. */
  children: ReactNode | ((control: FormControlProps) => ReactNode);
};

export function FormField({
  label,
  description,
  error,
  required = false,
  id,
  className,
  children,
}: FormFieldProps) {
  const generatedId = useId();
  const controlId = id ?? `field-${generatedId}`;
  const descriptionId = `${controlId}-description`;
  const errorId = `${controlId}-error`;
  const describedBy = [description ? descriptionId : null, error ? errorId : null]
    .filter(Boolean)
    .join(" ");

  const control: FormControlProps = {
    id: controlId,
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
    ...(error ? { "aria-invalid": true as const } : {}),
    ...(required ? { "aria-required": true as const } : {}),
  };

  return (
    <div className={cn("grid gap-1.5", className)}>
      <Label htmlFor={controlId}>
        {label}
        {required ? (
          <span aria-hidden="true" className="ml-0.5 text-destructive">
            *
          </span>
        ) : null}
      </Label>
      {description ? (
        <p id={descriptionId} className="text-muted-foreground text-sm">
          {description}
        </p>
      ) : null}
      <FormFieldContext.Provider value={control}>
        {typeof children === "function" ? children(control) : children}
      </FormFieldContext.Provider>
      {/* Always present so screen readers announce an error as soon as it appears. */}
      <div aria-live="polite">
        {error ? (
          <p id={errorId} className="font-medium text-destructive text-sm">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
