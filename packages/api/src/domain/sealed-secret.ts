import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Secrets the app must read back later (a webhook's signing secret, an invitation link's token
 * while its email waits in the job queue) are stored sealed: AES-256-GCM with a key derived from
 * NEXTAUTH_SECRET, one key per purpose (HKDF info), so a sealed value of one kind never opens as
 * another. Changing NEXTAUTH_SECRET makes sealed values unreadable.
 */
export const SEALED_PURPOSES = {
  webhookSecret: "tradeoff webhook secrets v1",
  invitationToken: "tradeoff invitation links v1",
} as const;

export type SealedPurpose = keyof typeof SEALED_PURPOSES;

export class SealedSecretUnreadableError extends Error {
  override name = "SealedSecretUnreadableError";
}

function keyFor(purpose: SealedPurpose, appSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", appSecret, "", SEALED_PURPOSES[purpose], 32));
}

/** `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function seal(purpose: SealedPurpose, plain: string, appSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(purpose, appSecret), iv);
  const encrypted = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), encrypted].map((p) => p.toString("base64url")).join(".");
}

/** Opens what `seal` made for the same purpose; throws SealedSecretUnreadableError otherwise. */
export function unseal(purpose: SealedPurpose, stored: string, appSecret: string): string {
  const [version, iv, tag, data] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !data) {
    throw new SealedSecretUnreadableError("The stored value is not in a known sealed format.");
  }
  try {
    const decipher = createDecipheriv(
      "aes-256-gcm",
      keyFor(purpose, appSecret),
      Buffer.from(iv, "base64url"),
    );
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([
      decipher.update(Buffer.from(data, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    throw new SealedSecretUnreadableError(
      "The stored value cannot be decrypted with this NEXTAUTH_SECRET (was it changed?).",
    );
  }
}
