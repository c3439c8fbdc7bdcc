export { AuthConfigError, type AuthEnv, readAuthEnv, requireSecret } from "./env";
export { createAuthOptions, enabledProviders } from "./options";
export { hashPassword, verifyPassword } from "./password";
export { decodeSessionToken } from "./session-token";
export type { SessionUser } from "./types";
