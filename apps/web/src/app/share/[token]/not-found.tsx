/** Unknown, revoked and expired share links all answer 404 with the same words. */
export default function ShareLinkNotFound() {
  return (
    <main className="mx-auto max-w-xl space-y-2 p-8">
      <h1 className="font-semibold text-2xl">This link is not available</h1>
      <p className="text-muted-foreground">
        It does not exist, has expired or was revoked. Ask the person who shared it for a new one.
      </p>
    </main>
  );
}
