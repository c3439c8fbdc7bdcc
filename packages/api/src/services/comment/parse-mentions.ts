/**
 * Who a comment mentions: `@[Name](userId)` tokens (what the composer inserts) and plain
 * `@email` addresses. Returns candidates only; the caller keeps those who are in the team.
 */
export function parseMentions(body: string): { userIds: string[]; emails: string[] } {
  const userIds = new Set<string>();
  const emails = new Set<string>();
  for (const match of body.matchAll(/@\[[^\]\n]{1,120}\]\(([A-Za-z0-9_-]{1,64})\)/g)) {
    if (match[1]) userIds.add(match[1]);
  }
  const withoutTokens = body.replace(/@\[[^\]\n]{1,120}\]\([^)\n]{1,64}\)/g, " ");
  for (const match of withoutTokens.matchAll(
    /(?:^|[^\w.+-])@([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/g,
  )) {
    if (match[1]) emails.add(match[1].toLowerCase());
  }
  return { userIds: [...userIds], emails: [...emails] };
}
