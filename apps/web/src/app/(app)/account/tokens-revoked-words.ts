/** What a new password says of the personal access tokens it revoked (nothing when none). */
export function tokensRevokedWords(count: number): string {
  if (count === 1) return " Your access token was revoked.";
  return count > 1 ? ` Your ${count} access tokens were revoked.` : "";
}
