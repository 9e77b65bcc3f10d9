import { expect, type Page } from "@playwright/test";
import type { RoleTab } from "@/components/roles/routes";
import type { UserTab } from "@/components/users/routes";
import type { PolicyTab } from "@/components/policies/routes";
import type { GroupTab } from "@/components/groups/routes";

/** Opens a console page and waits until React has hydrated it, so the first click is not lost. */
export async function openConsolePage(page: Page, url: string) {
  await page.goto(url);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

/** The tabs of a role, user, group or policy page share their test ids (`tab-<tab>`). */
export async function clickTab(page: Page, tab: RoleTab | UserTab | GroupTab | PolicyTab) {
  await page.getByTestId(`tab-${tab}`).click();
  await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute("aria-current", "page");
}
