import type { PrismaClient } from "@tradeoff/db";

/** What stands for a member where the team's own pages would show their address. */
export const MEMBER_WITHOUT_NAME = "A member";

/** Anything shaped like an address: a run without spaces or brackets around one "@". */
const ADDRESS_LIKE = /[^\s@<>()[\]{}"'`,;:\\]+@[^\s@<>()[\]{}"'`,;:\\]+/g;

/**
 * `view` with every account's email address replaced by "A member", wherever it stands. Inside
 * the team a member who gave no name (an account made through an emailed sign-in link) is told
 * apart by their address, and records keep the names they had when they were written; a page
 * for anyone holding a link shows no one's address. Addresses that belong to no account (a
 * contact the team typed into its rationale, say) are the team's words and stay as written.
 */
export async function withoutAccountAddresses<T>(
  db: Pick<PrismaClient, "user">,
  view: T,
): Promise<T> {
  const candidates = new Set<string>();
  for (const match of JSON.stringify(view).matchAll(ADDRESS_LIKE)) {
    // A sentence may end right after an address.
    candidates.add(match[0].replace(/\.+$/, "").toLowerCase());
  }
  if (candidates.size === 0) return view;
  const accounts = await db.user.findMany({
    where: { email: { in: [...candidates], mode: "insensitive" } },
    select: { email: true },
  });
  const addresses = accounts.flatMap((a) => (a.email ? [a.email.toLowerCase()] : []));
  if (addresses.length === 0) return view;
  // Longest first, so an address that ends another is not replaced inside it.
  addresses.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(addresses.map(escapeRegExp).join("|"), "gi");
  return mapStrings(view, (text) => text.replace(pattern, MEMBER_WITHOUT_NAME)) as T;
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function mapStrings(value: unknown, change: (text: string) => string): unknown {
  if (typeof value === "string") return change(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, change));
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, mapStrings(item, change)]),
    );
  }
  return value;
}
