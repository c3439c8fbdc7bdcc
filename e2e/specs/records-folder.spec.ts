import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, test } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { parse as parseYaml } from "yaml";
import { mutate, person } from "../support/decisions";
import { type FolderFiles, upload } from "../support/folder-upload";
import { documentWidth } from "../support/layout";
import { uniqueName } from "../support/names";

/** A small docs/decisions folder in MADR 4, as a team keeps it: two records, one superseding the other. */
const folder = {
  "docs/decisions/0001-use-mysql.md": `---
status: "superseded by [2. Use PostgreSQL](0002-use-postgresql.md)"
date: 2024-03-01
tags: [database]
---

# Use MySQL

## Context and Problem Statement

We need a database.

## Decision Outcome

Chosen option: "MySQL", because the team knows it.
`,
  "docs/decisions/0002-use-postgresql.md": `---
status: accepted
date: 2024-06-01
decision-makers: [Ana Souza]
tags: [database, ops]
---

# Use PostgreSQL

## Context and Problem Statement

MySQL's JSON support is not enough.

## Decision Outcome

Chosen option: "PostgreSQL", because of JSONB.
`,
  "docs/decisions/0003-use-a-wiki.md": `---
status: rejected
date: 2024-07-01
---

# Use a wiki for decisions

## Decision Outcome

Chosen option: "Confluence", because it was there.
`,
  "docs/decisions/logo.png": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
  "docs/decisions/CONTRIBUTING.md": "# How to contribute\n\nOpen a pull request.\n",
};

/** A new user's (`label`) page, and their new team, named `teamName` and a suffix. */
async function adminWithTeam(browser: Browser, label: string, teamName: string) {
  const admin = await person(browser, label);
  const team = await mutate<{ id: string; slug: string }>(admin.context.request, "team.create", {
    name: uniqueName(teamName),
  });
  return { team, page: admin.page };
}

test("records folder: a zip is previewed and imported, the list filters by tag and record status, the folder downloads as a zip", async ({
  browser,
}, testInfo) => {
  const { team, page } = await adminWithTeam(browser, "records", "Records");
  await page.goto(`/t/${team.slug}`);
  await page.getByRole("link", { name: "Records folder" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Decision records" })).toBeVisible();

  // Upload the zip through the file picker: the preview lists what will be created and what not.
  await upload(page, Object.entries(folder));
  await expect(page.getByRole("heading", { name: "Will create 3 records" })).toBeVisible();
  const records = page.getByTestId("import-records").getByRole("listitem");
  await expect(records).toHaveCount(3);
  await expect(records.nth(0)).toContainText("#1 Use MySQL");
  await expect(records.nth(0)).toContainText("superseded");
  await expect(records.nth(0)).toContainText("Superseded by 0002-use-postgresql.md");
  await expect(records.nth(1)).toContainText("#2 Use PostgreSQL");
  await expect(records.nth(1)).toContainText("accepted");
  await expect(records.nth(2)).toContainText("rejected");
  const skipped = page.getByTestId("import-skipped").getByRole("listitem");
  await expect(skipped).toHaveText([
    /CONTRIBUTING\.md: not a decision record/,
    /logo\.png: not a Markdown file/,
  ]);
  // On a phone the preview fits the width: nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await documentWidth(page)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 720 });
  const axe = await new AxeBuilder({ page }).include("main").analyze();
  expect(axe.violations, JSON.stringify(axe.violations, null, 2)).toEqual([]);
  // Nothing is written by the preview.
  const before = await page.request.get(
    `/api/trpc/project.list?input=${encodeURIComponent(JSON.stringify({ teamId: team.id }))}`,
  );
  expect((await before.json()).result.data.items).toEqual([]);

  // Cancel forgets the upload and leaves the focus on the file picker, to choose again.
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { name: "Will create 3 records" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Choose files" })).toBeFocused();
  await upload(page, Object.entries(folder));

  await page.getByRole("button", { name: "Import 3 records" }).click();
  await expect(page.getByRole("heading", { name: "Created 3 records" })).toBeVisible();
  // The import button is gone: the focus is on what was created, not the top of the page.
  await expect(page.getByRole("heading", { name: "Created 3 records" })).toBeFocused();
  await expect(page.getByText("Imported 3 records.")).toBeVisible();
  await page.getByRole("link", { name: "Back to decisions" }).click();

  // The list filters by tag and by the record's status, and the address keeps both.
  const results = page.getByTestId("find-results").getByRole("link");
  await page.getByRole("combobox", { name: "Tag" }).selectOption("ops");
  await expect(results).toHaveText([/Use PostgreSQL/]);
  await expect(results.first().getByTestId("project-tag")).toHaveText(["#database", "#ops"]);
  await expect(page).toHaveURL(/[?&]tag=ops(&|$)/);
  await page.getByRole("combobox", { name: "Tag" }).selectOption("database");
  await expect(results).toHaveText([/Use PostgreSQL/, /Use MySQL/]);
  await page.getByRole("combobox", { name: "Status" }).selectOption({ label: "Record accepted" });
  await expect(results).toHaveText([/Use PostgreSQL/]);
  await expect(page).toHaveURL(/[?&]record=accepted(&|$)/);
  await page.reload();
  await expect(results).toHaveText([/Use PostgreSQL/]);
  await page.getByRole("combobox", { name: "Tag" }).selectOption("");
  await page.getByRole("combobox", { name: "Status" }).selectOption({ label: "Record rejected" });
  await expect(results).toHaveText([/Use a wiki for decisions/]);
  await expect(results.first()).toContainText("Record rejected");

  // Tags edited on the project page follow into the list.
  await results.first().click();
  await expect(page.getByTestId("project-status")).toHaveText("Rejected");
  await page.getByRole("button", { name: "Add tags" }).click();
  await page.getByRole("combobox", { name: "Tags" }).fill("Docs, process");
  await page.getByRole("button", { name: "Save tags" }).click();
  await expect(page.getByTestId("project-tag")).toHaveText(["#docs", "#process"]);
  await page.getByRole("link", { name: "Decisions tagged process" }).click();
  await expect(results).toHaveText([/Use a wiki for decisions/]);

  // The folder downloads as a zip of the files `tradeoff export --all` writes: each imported
  // record under the name its file had (0003-use-a-wiki.md, not one made from its title).
  await page.goto(`/t/${team.slug}/records`);
  await page.getByRole("combobox", { name: "Format" }).selectOption("madr");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download zip" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${team.slug}-decisions-madr.zip`);
  const saved = testInfo.outputPath("decisions.zip");
  await file.saveAs(saved);
  const entries = unzipSync(new Uint8Array(await readFile(saved)));
  expect(Object.keys(entries).sort()).toEqual([
    "0001-use-mysql.md",
    "0002-use-postgresql.md",
    "0003-use-a-wiki.md",
    "README.md",
  ]);
  const text = (name: string) => strFromU8(entries[name] ?? new Uint8Array());
  const front = (name: string) => parseYaml(text(name).split("---\n")[1] ?? "");
  expect(front("0002-use-postgresql.md")).toMatchObject({
    status: "accepted",
    tags: ["database", "ops"],
  });
  expect(front("0003-use-a-wiki.md")).toMatchObject({
    status: "rejected",
    tags: ["docs", "process"],
  });
  expect(front("0001-use-mysql.md").status).toContain("0002-use-postgresql.md");
  expect(text("README.md")).toContain("| rejected |");
  await expect(page.getByText("Downloaded 3 records and the index (README.md).")).toBeVisible();
});

test("records folder: a folder imported again lists its unchanged files apart and revises a changed one; a record downloads under its folder name", async ({
  browser,
}, testInfo) => {
  const { team, page } = await adminWithTeam(browser, "records-again", "Records again");
  const records = Object.entries(folder).filter(([name]) => /\/\d{4}-.*\.md$/.test(name));
  await page.goto(`/t/${team.slug}/records`);
  await upload(page, records);
  await page.getByRole("button", { name: "Import 3 records" }).click();
  await expect(page.getByRole("heading", { name: "Created 3 records" })).toBeVisible();

  // The same folder again, one file edited since: the two others are already the team's
  // records, listed apart and not offered; the edited one is its record's next revision.
  await page.goto(`/t/${team.slug}/records`);
  const edited = records.map(([name, body]): FolderFiles[number] => [
    name,
    name.endsWith("0002-use-postgresql.md") && typeof body === "string"
      ? body.replace("because of JSONB.", "because of JSONB and its extensions.")
      : body,
  ]);
  await upload(page, edited);
  await expect(page.getByRole("heading", { name: "Will revise 1 record" })).toBeVisible();
  const listed = page.getByTestId("import-records").getByRole("listitem");
  await expect(listed).toHaveCount(1);
  await expect(listed.first()).toContainText("#2 Use PostgreSQL");
  await expect(page.getByTestId("import-revises")).toHaveText(
    "Changed since it was imported: becomes revision 2 of record 2, which keeps its number and file.",
  );
  await expect(page.getByRole("heading", { name: "Already imported (2)" })).toBeVisible();
  await expect(page.getByTestId("import-already").getByRole("listitem")).toHaveText([
    /^0001-use-mysql\.md: record 1 of the team, unchanged since it was imported/,
    /^0003-use-a-wiki\.md: record 3 of the team, unchanged since it was imported/,
  ]);
  await expect(page.getByTestId("import-skipped")).toHaveCount(0);
  await page.getByRole("button", { name: "Import 1 record" }).click();
  await expect(page.getByRole("heading", { name: "Revised 1 record" })).toBeVisible();
  const list = await page.request.get(
    `/api/trpc/project.list?input=${encodeURIComponent(JSON.stringify({ teamId: team.id }))}`,
  );
  const projects = (await list.json()).result.data.items as { id: string; number: number }[];
  expect(projects.map((p) => p.number).sort()).toEqual([1, 2, 3]);

  // Everything in the team already: nothing is offered.
  await page.goto(`/t/${team.slug}/records`);
  await upload(page, edited);
  await expect(page.getByRole("heading", { name: "Nothing to import" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Already imported (3)" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);

  // The record page's log4brains download is the file the folder's zip holds, by the same name.
  await page.getByRole("combobox", { name: "Format" }).selectOption("log4brains");
  const zipped = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download zip" }).click();
  const saved = testInfo.outputPath("log4brains.zip");
  await (await zipped).saveAs(saved);
  const names = Object.keys(unzipSync(new Uint8Array(await readFile(saved))));
  const second = projects.find((p) => p.number === 2)?.id ?? "";
  await page.goto(`/t/${team.slug}/p/${second}/record`);
  const single = page.waitForEvent("download");
  await page.getByRole("link", { name: "Markdown (log4brains)" }).click();
  const name = (await single).suggestedFilename();
  expect(name).toBe("20240601-use-postgresql.md");
  expect(names).toContain(name);
});
