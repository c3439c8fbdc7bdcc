// Preloaded into the app only by the stream hygiene test (with --expose-gc): SIGUSR2 runs a
// full garbage collection, so memory is compared after a collection, not at the collector's whim.
process.on("SIGUSR2", () => {
  if (typeof globalThis.gc === "function") globalThis.gc();
});
