import { expect, type Page } from "@playwright/test";
import { openConsolePage } from "./navigation";

export async function goToUser(page: Page, name: string, tab?: "security-credentials" | "tags") {
  await openConsolePage(page, `/users/${encodeURIComponent(name)}${tab ? `/${tab}` : ""}`);
  await expect(page.getByTestId("user-title")).toHaveText(name);
}
