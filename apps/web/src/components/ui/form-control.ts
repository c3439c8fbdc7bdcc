/**
 * What every form control shares: its look and its wiring to a surrounding FormField. Kept
 * apart from Input and FormField, so a page with only a Textarea does not load them.
 */
import { createContext, useContext } from "react";

/** A form control's look; its width and text size are the caller's (Input defaults them). */
export const controlClasses = [
  "min-w-0 rounded-md border border-input bg-background text-foreground shadow-xs",
  "transition-colors placeholder:text-muted-foreground",
  "focus-visible:border-ring focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring/40",
  "disabled:cursor-not-allowed disabled:bg-muted disabled:opacity-60",
  "aria-invalid:border-destructive aria-invalid:focus-visible:outline-destructive/40",
].join(" ");

/** The props a control needs to be wired to its label, description and error. */
export type FormControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  "aria-required"?: true;
};

export const FormFieldContext = createContext<FormControlProps | null>(null);

/**
 * Wiring for the surrounding FormField, or null outside one. Input, Textarea and
 * SelectTrigger use it automatically; custom controls can spread it.
 */
export function useFormField(): FormControlProps | null {
  return useContext(FormFieldContext);
}
