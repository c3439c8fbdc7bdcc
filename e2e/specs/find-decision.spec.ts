import { expect, test } from "@playwright/test";
import { mutate, person } from "../support/decisions";
import { uniqueName } from "../support/names";

const decision = (teamId: string, title: string, context: string) => ({
  teamId,
  title,
  context,
  options: [
    { key: "a", name: "First way", description: "" },
    { key: "b", name: "Second way", description: "" },
  ],
  criteria: [{ key: "cost", name: "Cost", description: "", defaultWeight: 3 }],
});

test("find a decision: results follow the typing and the status, and the address keeps them through reload and back", async ({
  browser,
}) => {
  const alice = await person(browser, "alice");
  const request = alice.context.request;
  const team = await mutate<{ id: string; slug: string }>(request, "team.create", {
    name: uniqueName("Search"),
  });
  const queue = await mutate<{ id: string }>(
    request,
    "project.create",
    decision(team.id, "Which queue for billing events?", "Kafka or SQS for the invoices."),
  );
  await mutate(
    request,
    "project.create",
    decision(team.id, "Web framework", "Django REST Framework or FastAPI for the billing API."),
  );
  await mutate(
    request,
    "project.create",
    decision(team.id, "Logging stack", "Loki or Elasticsearch."),
  );
  await mutate(request, "project.open", { projectId: queue.id });

  const page = alice.page;
  await page.goto(`/t/${team.slug}`);
  const search = page.getByRole("searchbox", { name: "Find a decision" });
  const status = page.getByRole("combobox", { name: "Status" });
  const results = page.getByTestId("find-results").getByRole("link");
  const count = page.getByTestId("find-count");
  // Nothing typed: the dashboard as usual.
  await expect(page.getByRole("heading", { name: /Open for voting/ })).toBeVisible();

  // A word from one title and another's problem statement, in any case.
  await search.fill("BILLING");
  await expect(count).toHaveText("2 decisions match.");
  await expect(results).toHaveText([/Web framework/, /Which queue for billing events\?/]);
  await expect(page).toHaveURL(/[?&]q=BILLING(&|$)/);
  // Typing on narrows the results, as the text changes.
  await search.pressSequentially(" fastapi");
  await expect(results).toHaveText([/Web framework/]);

  await search.fill("billing");
  await status.selectOption({ label: "Open for voting" });
  await expect(results).toHaveText([/Which queue for billing events\?/]);
  await expect(page).toHaveURL(/status=OPEN/);
  await expect(page).toHaveURL(/q=billing/);

  // A reload shows the same search, its results rendered by the server.
  await page.reload();
  await expect(search).toHaveValue("billing");
  await expect(status).toHaveValue("OPEN");
  await expect(results).toHaveText([/Which queue for billing events\?/]);

  // Into a decision and back: still filtered.
  await results.first().click();
  await expect(page).toHaveURL(new RegExp(`/p/${queue.id}$`));
  await page.goBack();
  await expect(search).toHaveValue("billing");
  await expect(results).toHaveText([/Which queue for billing events\?/]);

  // Nothing matches: said in words; Clear brings the dashboard back and empties the address.
  await search.fill("kubernetes");
  await expect(count).toContainText("No decision matches “kubernetes” among open for voting");
  await page.getByRole("button", { name: "Clear" }).click();
  await expect(search).toHaveValue("");
  await expect(page.getByRole("heading", { name: /Drafts/ })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/t/${team.slug}$`));
  await alice.context.close();
});
