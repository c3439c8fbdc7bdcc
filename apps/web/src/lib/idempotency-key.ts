/**
 * A random (version 4) UUID, the key a form sends with one thing it asks to create (a comment,
 * a decision, a share link) and sends again with that request's retries, so the API creates it
 * once. `crypto.randomUUID` exists only on HTTPS and localhost pages; `getRandomValues`
 * everywhere, so the app served over plain HTTP on a network works too.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
