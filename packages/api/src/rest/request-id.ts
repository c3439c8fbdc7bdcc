import { randomUUID } from "node:crypto";

/** A caller's own request id is kept when it is this sensible; otherwise a new one is made. */
const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

/**
 * The id of a request, on every log line of it and in its answer (the `x-request-id` header,
 * and `requestId` in an error's body): the caller's `x-request-id` when it is sensible, so a
 * proxy's or a client's id carries through, otherwise a new UUID.
 */
export function requestIdFrom(given: string | null | undefined): string {
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}
