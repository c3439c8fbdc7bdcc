import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import {
  createSuccessor,
  type DrfProject,
  decideOverApi,
  holdProcedure,
  mutate,
  type Person,
  pressShowOlderChanges,
} from "../support/decisions";
import { expect, test } from "../support/members";
import { inviteOverApi } from "../support/teams";

test.setTimeout(90_000);

/**
 * Presses Enter on `button`, which has the keyboard, while `procedure` is held: the button says
 * it is busy and keeps the keyboard. Answers what lets the request through.
 */
async function pressWhileHeld(page: Page, button: Locator, procedure: string) {
  const release = await holdProcedure(page, procedure);
  await page.keyboard.press("Enter");
  await expect(button).toHaveAttribute("aria-busy", "true");
  await expect(button).toBeFocused();
  return release;
}

const phone = { width: 390, height: 844 };

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(seriousViolations(results)).toEqual([]);
}

/** `owner`'s page, phone-sized, at `path`. */
async function onPhone(owner: Person, path: string) {
  const page = owner.page;
  await page.setViewportSize(phone);
  await page.goto(path);
  return page;
}

/**
 * `owner`'s record page of `drf`, phone-sized, once the decision is recorded over the API and
 * `prepare` has made what the test acts on; answers the page and what `prepare` made.
 */
async function decidedRecordOnPhone<T>(
  owner: Person,
  drf: DrfProject,
  prepare: (request: APIRequestContext) => Promise<T>,
) {
  await decideOverApi(owner, drf);
  const prepared = await prepare(owner.context.request);
  return { page: await onPhone(owner, `${drf.url}/record`), prepared };
}

test('"Show older changes" from the keyboard moves to the first older change and says how many', async ({
  alice: owner,
  soloDrf,
}) => {
  const { projectId, url } = soloDrf;
  // More changes than one page of the list holds (30), and fewer than two.
  for (let i = 0; i < 32; i++) {
    await mutate(owner.context.request, "comment.create", { projectId, body: `Note ${i + 1}` });
  }
  const page = await onPhone(owner, url);
  const { events, older } = await pressShowOlderChanges(page);
  // The rest of the list is there; the button went with the last page, and the keyboard is on
  // the first change just shown, not thrown back to the top of the page.
  await expect(older).toHaveCount(0);
  const shown = await events.count();
  expect(shown).toBeGreaterThan(30);
  await expect(events.nth(30)).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: /older change/ })).toHaveText(
    `${shown - 30} older ${shown - 30 === 1 ? "change" : "changes"} shown.`,
  );
  await expectNoSeriousViolations(page);
});

test('"Mark as superseded" keeps the keyboard on the button while it works, then moves it to the new status', async ({
  alice: owner,
  soloDrf,
}) => {
  const { page, prepared: successor } = await decidedRecordOnPhone(owner, soloDrf, (request) =>
    createSuccessor(request, soloDrf),
  );
  await page.getByRole("checkbox", { name: /Keep FastAPI, move to async workers/ }).check();
  const mark = page.getByRole("button", { name: "Mark as superseded" });
  await mark.focus();
  const release = await pressWhileHeld(page, mark, "record.supersede");
  release();
  const status = page.getByTestId("superseded-by");
  await expect(status).toContainText("Keep FastAPI, move to async workers");
  await expect(status).toBeFocused();
  await expect(page.getByText("Marked as superseded.")).toBeVisible();
  expect(successor.id).not.toBe(soloDrf.projectId);
  await expectNoSeriousViolations(page);
});

test("revoking a share link from the keyboard moves to the link's new status", async ({
  alice: owner,
  soloDrf,
}) => {
  const { page } = await decidedRecordOnPhone(owner, soloDrf, (request) =>
    mutate(request, "share.create", {
      projectId: soloDrf.projectId,
      showVotes: false,
      expiresAt: null,
    }),
  );
  const revoke = page.getByRole("button", { name: "Revoke" });
  await revoke.focus();
  const release = await pressWhileHeld(page, revoke, "share.revoke");
  release();
  await expect(revoke).toHaveCount(0);
  await expect(page.getByTestId("share-link-status")).toBeFocused();
  await expect(page.getByTestId("share-link-status")).toContainText("(revoked)");
  await expect(page.getByText("Link revoked: it stops working at once.")).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("a confirmation's button keeps the keyboard while it works; the next invitation's button has it after", async ({
  alice: owner,
  soloDrf,
}) => {
  const { team } = soloDrf;
  const request = owner.context.request;
  await inviteOverApi(request, team.id, { email: "first@example.com" });
  await inviteOverApi(request, team.id, { email: "second@example.com" });
  const page = await onPhone(owner, `/t/${team.slug}/settings`);
  const rows = page.getByTestId("pending-invitation");
  await expect(rows).toHaveCount(2);
  const revokeOf = (row: number) =>
    rows.nth(row).getByRole("button", { name: /^Revoke the invitation/ });
  const next = (await revokeOf(1).getAttribute("aria-label")) ?? "";
  expect(next).toMatch(/example\.com/);
  await revokeOf(0).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("alertdialog");
  // Cancel has the focus first, so Enter never revokes by accident.
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Tab");
  const confirm = dialog.getByRole("button", { name: "Revoke" });
  await expect(confirm).toBeFocused();
  await expectNoSeriousViolations(page);
  const release = await pressWhileHeld(page, confirm, "invitation.revoke");
  release();
  await expect(dialog).toHaveCount(0);
  await expect(rows).toHaveCount(1);
  await expect(page.getByText("Invitation revoked. Its link no longer works.")).toBeVisible();
  // The button that opened the confirmation went with its row: the next one has the focus.
  await expect(page.getByRole("button", { name: next, exact: true })).toBeFocused();
});

test("after a token is revoked, the keyboard is on the next token's button, not the page's start", async ({
  alice: owner,
}) => {
  const request = owner.context.request;
  await mutate(request, "token.create", { name: "Laptop CLI" });
  await mutate(request, "token.create", { name: "CI runner" });
  const page = await onPhone(owner, "/account/tokens");
  // Each button names its token ("Revoke the token “CI runner”"): the visible word is "Revoke".
  const revokes = page.getByRole("button", { name: /^Revoke the token “/ });
  await expect(revokes).toHaveCount(2);
  await revokes.first().focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("alertdialog");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Token revoked: it stops working at once.")).toBeVisible();
  // The revoked token leaves the table for the folded list of revoked ones.
  await expect(page.getByTestId("revoked-tokens")).toContainText("Revoked tokens (1)");
  await expect(revokes).toHaveCount(1);
  await expect(revokes.first()).toBeFocused();
  await expect(page.locator(":focus")).toHaveText(/^Revoke the token “/);
  await expectNoSeriousViolations(page);
});

test("a download that fails says why on the page and what to do; one that works still saves the file", async ({
  alice: owner,
  soloDrf,
}) => {
  await decideOverApi(owner, soloDrf);
  const page = await onPhone(owner, `${soloDrf.url}/record`);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "JSON (whole record)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^0001-[a-z0-9-]+\.json$/);

  // Signed out in another tab: the session is gone, the page is still open.
  await owner.context.clearCookies();
  const madr = page.getByRole("link", { name: "Markdown (MADR)" });
  await madr.focus();
  await page.keyboard.press("Enter");
  const failure = page.getByRole("alert").filter({ hasText: "download" });
  await expect(failure).toContainText("Markdown (MADR) was not downloaded");
  await expect(failure).toContainText("Sign in to download this export.");
  await expect(failure).toContainText("Sign in again");
  // The keyboard stays on the link, to try again once signed in.
  await expect(madr).toBeFocused();
  await expectNoSeriousViolations(page);
});

test("a download address with a mistyped parameter is told which one is wrong", async ({
  alice: owner,
  soloDrf,
}) => {
  await decideOverApi(owner, soloDrf);
  const download = (query: string) =>
    owner.context.request.get(`/api/export/${soloDrf.projectId}?${query}`);
  const answers = await Promise.all(
    ["format=csv&table=bogus", "format=pdf&paper=a3", "format=docx", "format=csv&table=events"].map(
      async (query) => {
        const response = await download(query);
        return [response.status(), response.ok() ? "file" : await response.text()];
      },
    ),
  );
  expect(answers).toEqual([
    [400, "Unknown CSV table: use votes or events."],
    [400, "Unknown paper size: use a4 or letter."],
    [400, "Unknown export format: use madr, log4brains, nygard, json, csv or pdf."],
    [200, "file"],
  ]);
  const tooLong = await owner.context.request.get(`/api/export/${"x".repeat(65)}?format=csv`);
  expect([tooLong.status(), await tooLong.text()]).toEqual([
    404,
    "Decision project was not found.",
  ]);
});

test("a downloaded record links to the app's public address, not the one the request reached", async ({
  alice: owner,
  soloDrf,
  baseURL,
}) => {
  await decideOverApi(owner, soloDrf);
  // As a request reaches the app behind a proxy: by an internal name.
  const response = await owner.context.request.get(`/api/export/${soloDrf.projectId}?format=madr`, {
    headers: { host: "internal.example:8080" },
  });
  expect(response.status()).toBe(200);
  const madr = await response.text();
  expect(madr).toContain(`(${baseURL}/t/`);
  expect(madr).not.toContain("internal.example");
});
