import type { Page } from "@playwright/test";
import { strToU8, zipSync } from "fflate";

export type FolderFiles = [name: string, body: string | Uint8Array][];

/** Chooses `files`, zipped as decisions.zip, through the records page's file picker. */
export async function upload(page: Page, files: FolderFiles) {
  const zip = zipSync(
    Object.fromEntries(
      files.map(([name, body]) => [name, typeof body === "string" ? strToU8(body) : body]),
    ),
  );
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Choose files" }).click();
  await (await chooser).setFiles({
    name: "decisions.zip",
    mimeType: "application/zip",
    buffer: Buffer.from(zip),
  });
}
