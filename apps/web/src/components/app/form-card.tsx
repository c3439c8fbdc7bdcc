import type { FormEvent, ReactNode } from "react";
import { Alert } from "~/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";

/**
 * A card holding one form (create a team, join with a link): its title and what it does, the
 * refusal that names no field above the form, then the form's fields and button.
 */
export function FormCard({
  title,
  heading,
  description,
  general,
  onSubmit,
  onEdit,
  children,
}: {
  title: string;
  heading: "h1" | "h2";
  description: ReactNode;
  /** The request's refusal when it names no field (see formErrorsOf). */
  general: string | null;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /**
   * Called when the user changes a field: the place to drop the last refusal, so "Enter a team
   * name." does not stay under a name just typed.
   */
  onEdit?: () => void;
  children: ReactNode;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle as={heading}>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {general ? <Alert variant="error">{general}</Alert> : null}
        <form onSubmit={onSubmit} onInput={onEdit} className="space-y-4" noValidate>
          {children}
        </form>
      </CardContent>
    </Card>
  );
}
