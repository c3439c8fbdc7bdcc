import { requireSecret } from "@tradeoff/auth";
import { authEnv } from "./env";
import { deploymentWarnings } from "./server/deployment";
import { logger } from "./server/logger";

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

// Said at every start, not only once: a demo account on a deployment must not go unnoticed.
void deploymentWarnings().then(
  (warnings) => {
    for (const warning of warnings) logger.warn(warning);
  },
  () => {
    // The database is not answering yet; /api/ready reports the warning once it does.
  },
);
