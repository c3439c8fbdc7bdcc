import { requireSecret } from "@tradeoff/auth";
import { authEnv } from "./env";

/**
 * Node.js server start-up checks (loaded only by the Node.js runtime). A production server
 * without a session secret refuses to start, saying why, instead of failing on the first sign-in.
 */
const settings = authEnv();
if (settings.NODE_ENV === "production") {
  try {
    requireSecret(settings);
  } catch (error) {
    console.error(`Tradeoff cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
}
