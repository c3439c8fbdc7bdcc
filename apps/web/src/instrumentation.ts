/**
 * Runs once when a server instance starts. A production server without a session secret
 * refuses to start, saying why, instead of failing on the first sign-in.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { authEnv } = await import("./env");
  const { requireSecret } = await import("@tradeoff/auth");
  const settings = authEnv();
  if (settings.NODE_ENV !== "production") return;
  try {
    requireSecret(settings);
  } catch (error) {
    console.error(`Tradeoff cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
}
