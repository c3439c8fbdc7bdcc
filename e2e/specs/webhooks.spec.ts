import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { mutate, person } from "../support/decisions";
import { consoleErrors, expect, test } from "../support/fixtures";
import { uniqueName } from "../support/names";

/**
 * A real HTTP receiver in the test process (the e2e server allows private networks, as
 * WEBHOOK_ALLOW_PRIVATE_NETWORKS=true in support/serve.ts).
 */
async function startReceiver() {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, { "content-type": "text/plain" }).end("thanks");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test.describe("webhooks", () => {
  test("an admin adds a webhook, copies its secret once, sends a test event and reads the log", async ({
    browser,
  }) => {
    const receiver = await startReceiver();
    const alice = await person(browser, "alice");
    const team = await mutate<{ id: string; slug: string }>(alice.context.request, "team.create", {
      name: uniqueName("Hooks"),
    });
    const page = alice.page;
    const errors = consoleErrors(page);
    await page.goto(`/t/${team.slug}/settings`);
    const section = page.getByRole("region", { name: "Webhooks" });
    await expect(page.getByRole("heading", { name: "Webhooks", exact: true })).toBeVisible();

    // A URL that is not http(s) gets a field error, and nothing is added.
    await section.getByLabel("URL").fill("ftp://files.example.com/hook");
    await section.getByRole("button", { name: "Add webhook" }).click();
    await expect(section.getByText(/Webhooks are sent over HTTP/)).toBeVisible();
    await expect(section.getByText("No webhooks yet.")).toBeVisible();
    // What was typed stays, to be corrected.
    await expect(section.getByLabel("URL")).toHaveValue("ftp://files.example.com/hook");
    // The form already says what is wrong: the refusal is not logged as a failure (the
    // production build logs only the server's failures and unreachable requests).
    expect.soft(errors).toEqual([]);

    // The refusal goes as soon as the URL is edited: it no longer describes what the field holds.
    await section.getByLabel("URL").fill(receiver.url);
    await expect(section.getByText(/Webhooks are sent over HTTP/)).toHaveCount(0);
    await expect(section.getByLabel("URL")).not.toHaveAttribute("aria-invalid", "true");
    await section.getByRole("button", { name: "Add webhook" }).click();
    const secret = section.getByLabel("Webhook signing secret");
    await expect(secret).toHaveValue(/^whsec_/);
    await expect(section.getByRole("list", { name: "Webhooks" })).toContainText(receiver.url);
    // Added: the field is empty for the next one, and the focus is on the secret, ready to copy.
    await expect(section.getByLabel("URL")).toHaveValue("");
    await expect(secret).toBeFocused();
    await expect(page.getByText("Webhook added. Copy its secret now")).toBeVisible();
    // The audit trail on the same page records it, without a reload.
    await expect(page.getByRole("list", { name: "Audit trail" })).toContainText(
      `added the webhook ${receiver.url}`,
    );

    await section.getByRole("button", { name: "Send test event" }).click();
    const log = section.getByRole("list", { name: "Delivery log" });
    await expect(log).toContainText("webhook.test");
    await expect(log).toContainText("delivered");
    await expect(log).toContainText("200");
    await expect(log).toContainText("thanks");
    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received;
    expect(delivery?.headers["x-tradeoff-signature"]).toMatch(/^v1=[0-9a-f]{64}$/);
    // Slack-compatible is the form's default format.
    expect(JSON.parse(delivery?.body ?? "{}")).toHaveProperty("blocks");

    // After a reload the secret is gone for good.
    await page.reload();
    await expect(page.getByRole("list", { name: "Webhooks" })).toContainText(receiver.url);
    await expect(page.getByLabel("Webhook signing secret")).toHaveCount(0);

    // On a phone the whole URL can be read (two webhooks to one service differ only at its end).
    await page.setViewportSize({ width: 390, height: 844 });
    const shownUrl = section.getByTestId("webhook-url");
    await expect(shownUrl).toHaveText(receiver.url);
    expect(
      await shownUrl.evaluate((el) => {
        const box = el as unknown as { scrollWidth: number; clientWidth: number };
        return box.scrollWidth - box.clientWidth;
      }),
    ).toBeLessThanOrEqual(0);
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } })
            .document.documentElement.scrollWidth,
      ),
    ).toBeLessThanOrEqual(390);

    await alice.context.close();
    await receiver.close();
  });

  test("an admin made a member, or removed, has their webhooks turned off, and the page says how many", async ({
    browser,
  }) => {
    const alice = await person(browser, "alice");
    const bob = await person(browser, "bob");
    const team = await mutate<{ id: string; slug: string }>(alice.context.request, "team.create", {
      name: uniqueName("Hooks"),
    });
    const invitation = await mutate<{ token: string }>(alice.context.request, "invitation.create", {
      teamId: team.id,
      role: "ADMIN",
    });
    await mutate(bob.context.request, "invitation.accept", { token: invitation.token });
    // Saved, never sent: no decision opens in this team.
    const addWebhook = (path: string) =>
      mutate(bob.context.request, "webhook.create", {
        teamId: team.id,
        url: `https://hooks.example.com/${path}`,
        events: ["project.opened"],
        format: "JSON",
      });
    await addWebhook("one");
    await addWebhook("two");

    const page = alice.page;
    await page.goto(`/t/${team.slug}/settings`);
    const role = page.getByRole("combobox", { name: `Role of ${bob.user.name}` });
    await role.click();
    await page.getByRole("option", { name: "Member", exact: true }).click();
    await expect(
      page.getByText(
        `${bob.user.name} is now member. The 2 webhooks they created were turned off. Check where they send before turning them back on under Webhooks in team settings.`,
      ),
    ).toBeVisible();
    // The list below says so too, without a reload.
    await expect(page.getByRole("list", { name: "Webhooks" })).toContainText(
      "who created it, is no longer an admin",
    );

    // Admin again, with one new webhook: removing him turns that one off, and says so.
    await role.click();
    await page.getByRole("option", { name: "Admin", exact: true }).click();
    await expect(page.getByText(`${bob.user.name} is now admin.`)).toBeVisible();
    await addWebhook("three");
    await page.getByRole("button", { name: `Remove ${bob.user.name}` }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText(
      "the share links and pending invitations they created stop working, and the webhooks they created are turned off",
    );
    await dialog.getByRole("button", { name: "Remove" }).click();
    await expect(
      page.getByText(
        "Member removed. They lose access on their next page load. The webhook they created was turned off. Check where it sends before turning it back on under Webhooks in team settings.",
      ),
    ).toBeVisible();

    await alice.context.close();
    await bob.context.close();
  });
});
