/** A project's title after its team-wide number, the number muted: "#12 Pick a queue". */
export function NumberedTitle({ number, title }: { number: number | string; title: string }) {
  return (
    <>
      <span className="text-muted-foreground">#{number} </span>
      {title}
    </>
  );
}
