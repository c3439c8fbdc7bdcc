/** Runs once when a server instance starts; the checks themselves need Node.js. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
