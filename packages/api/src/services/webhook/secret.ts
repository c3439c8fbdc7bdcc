import { createHmac, randomBytes } from "node:crypto";
import { SealedSecretUnreadableError, seal, unseal } from "../../domain/sealed-secret";

/**
 * Webhook secrets. Signing needs the secret itself, so it is stored sealed (AES-256-GCM with a
 * key of its own derived from NEXTAUTH_SECRET); the admin sees it once, when created or rotated.
 * Changing NEXTAUTH_SECRET makes stored secrets unreadable: rotate each webhook's secret then.
 */

export const SECRET_PREFIX = "whsec_";

export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString("base64url");
}

/** Seals a webhook's secret for storage (see domain/sealed-secret.ts). */
export function encryptSecret(secret: string, appSecret: string): string {
  return seal("webhookSecret", secret, appSecret);
}

export class SecretUnreadableError extends Error {
  override name = "SecretUnreadableError";
}

export function decryptSecret(stored: string, appSecret: string): string {
  try {
    return unseal("webhookSecret", stored, appSecret);
  } catch (error) {
    if (!(error instanceof SealedSecretUnreadableError)) throw error;
    throw new SecretUnreadableError(
      "The webhook's secret cannot be decrypted (NEXTAUTH_SECRET changed?): rotate the secret.",
    );
  }
}

/** The X-Tradeoff-Signature header: `v1=` + hex HMAC-SHA256 of `<timestamp>.<body>`. */
export function signDelivery(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}
