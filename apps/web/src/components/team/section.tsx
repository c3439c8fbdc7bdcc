import type { ReactNode } from "react";

export function Section(props: {
  id: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={props.id} className="space-y-4">
      <div className="space-y-1">
        <h2 id={props.id} className="font-medium text-lg">
          {props.title}
        </h2>
        {props.description ? (
          <p className="text-muted-foreground text-sm">{props.description}</p>
        ) : null}
      </div>
      {props.children}
    </section>
  );
}
