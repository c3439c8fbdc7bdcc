import { describe, expect, it } from "vitest";
import { AuthConfigError, emailEnabled, githubEnabled, readAuthEnv } from "../src/env";

describe("NEXTAUTH_URL", () => {
  it("takes an http or https URL with a host", () => {
    for (const value of [
      "https://tradeoff.example.com",
      "http://localhost:3104",
      "http://127.0.0.1:3000/",
    ]) {
      expect(readAuthEnv({ NEXTAUTH_URL: value }).NEXTAUTH_URL, value).toBe(value);
    }
    expect(readAuthEnv({ NEXTAUTH_URL: "" }).NEXTAUTH_URL).toBeUndefined();
  });

  it("refuses a URL without a scheme, another scheme or no host, saying what it takes", () => {
    for (const value of ["localhost:3104", "ftp://x", "javascript:alert(1)", "https://", "x"]) {
      expect(() => readAuthEnv({ NEXTAUTH_URL: value }), value).toThrow(
        "NEXTAUTH_URL must be the app's public address starting with https:// or http://, such as https://tradeoff.example.com",
      );
    }
  });

  it("refuses a URL with a path, since the app is served at the root of its address", () => {
    for (const value of [
      "http://127.0.0.1:3122/tradeoff",
      "https://example.com/tradeoff/",
      "https://example.com/?next=1",
      "https://example.com/#top",
    ]) {
      let message = "";
      try {
        readAuthEnv({ NEXTAUTH_URL: value });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message, value).toBe(
        "Invalid authentication settings: NEXTAUTH_URL: NEXTAUTH_URL must be the app's origin only, with no path, query or fragment (such as https://tradeoff.example.com): Tradeoff is served at the root of its address, not under a path such as /tradeoff. Serve it at the root of a host or port of its own and set NEXTAUTH_URL to that address.",
      );
    }
  });
});

describe("sign-in methods", () => {
  it("turns GitHub and email sign-in on when both of their settings are set", () => {
    const env = readAuthEnv({
      GITHUB_ID: "id",
      GITHUB_SECRET: "secret",
      EMAIL_SERVER: "smtp://mail.example.com:587",
      EMAIL_FROM: "Tradeoff <noreply@example.com>",
    });
    expect(githubEnabled(env)).toBe(true);
    expect(emailEnabled(env)).toBe(true);
    const none = readAuthEnv({});
    expect(githubEnabled(none)).toBe(false);
    expect(emailEnabled(none)).toBe(false);
    // EMAIL_FROM alone is the sender of the app's other emails (with SMTP_URL).
    expect(emailEnabled(readAuthEnv({ EMAIL_FROM: "noreply@example.com" }))).toBe(false);
  });

  it("refuses half of a sign-in method instead of quietly leaving it off", () => {
    expect(() => readAuthEnv({ GITHUB_ID: "id" })).toThrow(AuthConfigError);
    expect(() => readAuthEnv({ GITHUB_ID: "id" })).toThrow(
      "GITHUB_ID is set but GITHUB_SECRET is not",
    );
    expect(() => readAuthEnv({ GITHUB_SECRET: "secret" })).toThrow(
      "GITHUB_SECRET is set but GITHUB_ID is not",
    );
    expect(() => readAuthEnv({ EMAIL_SERVER: "smtp://mail.example.com" })).toThrow(
      "EMAIL_SERVER is set but EMAIL_FROM is not",
    );
  });

  it("refuses an EMAIL_SERVER that names no mail server or is not smtp, without echoing it", () => {
    for (const server of [
      "mail.example.com:587",
      "smtp//mail",
      "smtp://",
      "https://mail.example.com",
      "smtp://u:hunter2@",
    ]) {
      let message = "";
      try {
        readAuthEnv({ EMAIL_SERVER: server, EMAIL_FROM: "noreply@example.com" });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message, server).toContain(
        "EMAIL_SERVER must be the mail server's URL, such as smtp://user:password@mail.example.com:587",
      );
      expect(message, server).not.toContain("hunter2");
    }
    expect(
      readAuthEnv({ EMAIL_SERVER: "smtps://u:p@mail.example.com:465", EMAIL_FROM: "a@example.com" })
        .EMAIL_SERVER,
    ).toBe("smtps://u:p@mail.example.com:465");
  });
});
