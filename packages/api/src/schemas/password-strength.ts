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

/**
 * Null when the password is strong enough, else a sentence saying why it is not and how to
 * choose a better one. `personal` (name, email) counts as easy to guess.
 */
export function weakPasswordMessage(password: string, personal: string[] = []): string | null {
  const inputs = personal.flatMap((value) => [value, ...value.split(/[@.\s_-]+/)]).filter(Boolean);
  const result = strength().check(password, inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const why = result.feedback.warning ? `${result.feedback.warning.replace(/\.?$/, ".")} ` : "";
  return (
    `This password is too easy to guess. ${why}` +
    "Use a passphrase of three or four unrelated words, or a password manager's random password."
  );
}
