export {
  ATTEMPT_LIMITS,
  type AttemptLimiter,
  createEmailLinkLimiter,
  createSignUpLimiter,
  waitSentence,
} from "./attempt-limiter";
export { clientAddress, PEER_ADDRESS_HEADER, requestOrigin } from "./client-address";
export { AuthConfigError, type AuthEnv, readAuthEnv, requireSecret } from "./env";
export { createSmtpMailer, type OutgoingMail } from "./mail";
export { createAuthOptions, enabledProviders, SESSION_MAX_AGE_SECONDS } from "./options";
export { hashPassword, verifyPassword } from "./password";
export { decodeSessionToken, encodeSessionToken } from "./session-token";
export {
  createSignInLimiter,
  SIGN_IN_LIMITS,
  type SignInLimiter,
} from "./sign-in-limiter";
export {
  describeUserAgent,
  endSessions,
  endSignInSession,
  LAST_SEEN_INTERVAL_MS,
  listSignInSessions,
  type SessionsToEnd,
  type SignInClient,
  startSignInSession,
  touchSignInSession,
} from "./sign-in-sessions";
export type { SessionUser } from "./types";
