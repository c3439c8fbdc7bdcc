import { describe, expect, it } from "vitest";
import { historyEnv, mailEnv, shutdownEnv } from "./env";

/** A number of seconds read from one variable: what it takes (unset first), what it refuses. */
const SECONDS = [
  {
    variable: "HISTORY_FOLD_SECONDS",
    read: (env: Record<string, string>) => historyEnv(env).HISTORY_FOLD_SECONDS,
    takes: "defaults to two minutes and takes a whole number of seconds up to an hour",
    taken: [
      [undefined, 120],
      [" ", 120],
      ["0", 0],
      [" 300 ", 300],
      ["3600", 3600],
    ],
    refused: ["-1", "1.5", "2m", "3601", "1e3", "0x10"],
    message:
      "HISTORY_FOLD_SECONDS must be a whole number of seconds from 0 (every edit its own history entry) to 3600, such as 120.",
  },
  {
    variable: "SHUTDOWN_GRACE_SECONDS",
    read: (env: Record<string, string>) => shutdownEnv(env).SHUTDOWN_GRACE_SECONDS,
    takes: "defaults to ten seconds when unset or empty",
    taken: [
      [undefined, 10],
      ["", 10],
      ["  ", 10],
      ["0", 0],
      [" 30 ", 30],
      ["2.5", 2.5],
    ],
    refused: ["-1", "ten", "601", "1e2", "0x10", "Infinity"],
    message: "SHUTDOWN_GRACE_SECONDS must be a number of seconds from 0 to 600, such as 10",
  },
] satisfies {
  variable: string;
  read: (env: Record<string, string>) => number;
  takes: string;
  taken: [string | undefined, number][];
  refused: string[];
  message: string;
}[];

for (const { variable, read, takes, taken, refused, message } of SECONDS) {
  describe(variable, () => {
    it(takes, () => {
      for (const [value, seconds] of taken) {
        expect(read(value === undefined ? {} : { [variable]: value }), value).toBe(seconds);
      }
    });

    it("refuses anything else, saying what it takes", () => {
      for (const value of refused) {
        expect(() => read({ [variable]: value }), value).toThrow(message);
      }
    });
  });
}

describe("SMTP_URL and EMAIL_FROM", () => {
  const from = "Tradeoff <noreply@example.com>";

  it("take an smtp:// or smtps:// URL naming a mail server, and one sender address", () => {
    expect(mailEnv({})).toEqual({});
    expect(mailEnv({ SMTP_URL: " ", EMAIL_FROM: "" })).toEqual({});
    for (const url of [
      "smtp://user:pass@mail.example.com:587",
      "smtps://mail.example.com",
      "smtp://127.0.0.1:2525",
      "smtp://mail.example.com:587?pool=true",
    ]) {
      expect(mailEnv({ SMTP_URL: url, EMAIL_FROM: from }).SMTP_URL, url).toBe(url);
    }
    for (const sender of [
      "noreply@example.com",
      "Tradeoff <noreply@example.com>",
      '"Tradeoff, Inc." <noreply@example.com>',
      "Tradeoff<noreply@mail.example.co.uk>",
    ]) {
      expect(mailEnv({ EMAIL_FROM: sender }).EMAIL_FROM, sender).toBe(sender);
    }
  });

  it("refuses an SMTP_URL that names no mail server or is not smtp, without echoing it", () => {
    for (const url of [
      "smtp//mail.example.com",
      "mail.example.com:587",
      "http://mail.example.com",
      "smtp://",
      "smtp://user:secret@",
      "smtp://mail example.com",
      "smtp://mail.example.com:99999",
    ]) {
      let message = "";
      try {
        mailEnv({ SMTP_URL: url, EMAIL_FROM: from });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message, url).toMatch(
        /^SMTP_URL must be the mail server's URL, such as smtp:\/\/user:password@mail\.example\.com:587 \(or smtps:\/\/ for TLS from the start\)/,
      );
      expect(message, url).not.toContain("secret");
    }
  });

  it("refuses an EMAIL_FROM that is not one address, naming what it got", () => {
    for (const sender of [
      "noreply",
      "noreply@",
      "a@b",
      "a@@example.com",
      "Tradeoff noreply@example.com",
      "Tradeoff <noreply@example.com",
      "noreply@example.com>",
      "Tradeoff <noreply@example.com>, other@example.com",
      "ops@example.com, Tradeoff <noreply@example.com>",
      "<>noreply@example.com",
    ]) {
      expect(
        () => mailEnv({ SMTP_URL: "smtp://mail.example.com", EMAIL_FROM: sender }),
        sender,
      ).toThrow(
        `EMAIL_FROM must be one sender address, such as noreply@example.com or "Tradeoff <noreply@example.com>" (it is "${sender}").`,
      );
    }
  });

  it("needs EMAIL_FROM with SMTP_URL", () => {
    expect(() => mailEnv({ SMTP_URL: "smtp://mail.example.com" })).toThrow(
      "EMAIL_FROM is required when SMTP_URL is set: it is the sender of invitation emails.",
    );
  });
});
