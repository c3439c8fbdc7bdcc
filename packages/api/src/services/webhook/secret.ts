import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

/**
 * Webhook secrets. Signing needs the secret itself, so it is stored encrypted (AES-256-GCM)
 * with a key derived from NEXTAUTH_SECRET; the admin sees it once, when created or rotated.
 * Changing NEXTAUTH_SECRET makes stored secrets unreadable: rotate each webhook's secret then.
 */

export const SECRET_PREFIX = "whsec_";

export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString("base64url");
}

function keyFrom(appSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", appSecret, "", "tradeoff webhook secrets v1", 32));
}

/** `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function encryptSecret(secret: string, appSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(appSecret), iv);
  const encrypted = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), encrypted].map((p) => p.toString("base64url")).join(".");
}

export class SecretUnreadableError extends Error {
  override name = "SecretUnreadableError";
}

export function decryptSecret(stored: string, appSecret: string): string {
  const [version, iv, tag, data] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !data) {
    throw new SecretUnreadableError("The stored webhook secret is not in a known format.");
  }
  try {
    const decipher = createDecipheriv(
      "aes-256-gcm",
      keyFrom(appSecret),
      Buffer.from(iv, "base64url"),
    );
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const plain = Buffer.concat([
      decipher.update(Buffer.from(data, "base64url")),
      decipher.final(),
    ]);
    return plain.toString("utf8");
  } catch {
    throw new SecretUnreadableError(
      "The webhook's secret cannot be decrypted (NEXTAUTH_SECRET changed?): rotate the secret.",
    );
  }
}

/** The X-Tradeoff-Signature header: `v1=` + hex HMAC-SHA256 of `<timestamp>.<body>`. */
export function signDelivery(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}
