/**
 * A promise and the function that settles it, for a test that holds something (a request, the
 * page's scripts) until it lets it go, or waits until something happened. The shape of
 * Promise.withResolvers, which Node 20 does not have yet.
 */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}
