import type { Page } from "@playwright/test";

/** Opens a console page and waits until React has hydrated it, so the first click is not lost. */
export async function openConsolePage(page: Page, url: string) {
  await page.goto(url);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}
