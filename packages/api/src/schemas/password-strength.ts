import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";

/**
 * New passwords are checked with zxcvbn against common passwords, English words and names,
 * keyboard patterns and the person's own name and email. Its dictionaries take a moment to
 * load, so they load on the first check (sign-up or a password change), not at start.
 */
let checker: ZxcvbnFactory | undefined;
function strength() {
  checker ??= new ZxcvbnFactory({
    translations: en.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary },
  });
  return checker;
}

/** zxcvbn's 0–4 score a new password needs: 3 is "safely unguessable" against online attacks. */
export const MIN_PASSWORD_SCORE = 3;

/** Whose password it is: their name and email address count as easy to guess. */
export type PasswordOwner = { name: string | null; email: string | null };

/**
 * What an attacker who knows the person would try first: their name and email address whole,
 * the email's part before the @, and each word of them.
 */
function personalWords({ name, email }: PasswordOwner): string[] {
  const values = [name ?? "", email ?? "", (email ?? "").split("@")[0] ?? ""];
  const words = values.flatMap((value) => [value, ...value.split(/[@.\s_+-]+/)]);
  return [...new Set(words.map((word) => word.trim()).filter((word) => word.length > 0))];
}

/**
 * Null when the password is strong enough, else a sentence saying why it is not and how to
 * choose a better one. The one rule for every new password (signing up, changing it, setting a
 * first one): the owner's own name and email count as easy to guess.
 */
export function weakPasswordMessage(password: string, owner: PasswordOwner): string | null {
  const result = strength().check(password, personalWords(owner));
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const why = result.feedback.warning ? `${result.feedback.warning.replace(/\.?$/, ".")} ` : "";
  return (
    `This password is too easy to guess. ${why}` +
    "Use a passphrase of three or four unrelated words, or a password manager's random password."
  );
}
