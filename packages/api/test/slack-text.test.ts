import { describe, expect, it } from "vitest";
import { SLACK_LIMITS, slackTextWithin } from "../src/services/webhook/events";

describe("text cut to Slack's limits", () => {
  it("leaves text within the limit as escaped, and cuts longer text with an ellipsis", () => {
    expect(slackTextWithin("Ops & <co>", 30)).toBe("Ops &amp; &lt;co&gt;");
    const cut = slackTextWithin("x".repeat(5000), SLACK_LIMITS.sectionText);
    expect(cut).toHaveLength(3000);
    expect(cut.endsWith("x\u2026")).toBe(true);
    expect(slackTextWithin("y".repeat(200), SLACK_LIMITS.headerText)).toHaveLength(150);
  });

  it("never cuts inside an entity or between the halves of an emoji", () => {
    // "ab" then &amp; at 2..6: a cut at 5 characters would split it, so it goes before it.
    expect(slackTextWithin("ab&&&&", 6)).toBe("ab\u2026");
    expect(slackTextWithin("ab&&&&", 8)).toBe("ab&amp;\u2026");
    // 🚀 is two UTF-16 code units: a cut between them would send half a character.
    expect(slackTextWithin("a🚀🚀🚀", 3)).toBe("a\u2026");
    expect(slackTextWithin("a🚀🚀🚀", 4)).toBe("a🚀\u2026");
  });

  it("keeps emoji codes and broadcast mentions as typed text", () => {
    expect(slackTextWithin("Ship it :tada: @channel", 100)).toBe(
      "Ship it :\u2060tada: @\u2060channel",
    );
  });
});
