import { expect, type Locator, type Page } from "@playwright/test";
import type { ConceptId } from "@/lib/concepts/glossary";

/** Selectors of the Info links and their side panel, and of the wizard's "Which kind of role do I need?" guide. */

export const infoLink = (scope: Page | Locator, concept: ConceptId) => scope.getByTestId(`info-${concept}`).first();

export async function clickInfo(scope: Page | Locator, concept: ConceptId) {
  await infoLink(scope, concept).click();
}

/** The open panel names the term, explains it and links its AWS IAM user guide page. */
export async function assertInfoPanel(page: Page, expected: { term: string; text: string; awsPage: string }) {
  const panel = page.getByRole("dialog", { name: expected.term });
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId("info-panel-text")).toContainText(expected.text);
  const link = panel.getByTestId("info-panel-aws-link");
  await expect(link).toHaveAttribute("href", `https://docs.aws.amazon.com/IAM/latest/UserGuide/${expected.awsPage}`);
  await expect(link).toHaveAttribute("target", "_blank");
}

/** Escape closes the panel and puts focus back on the Info link that opened it. */
export async function closeInfoWithEscape(page: Page, opener: Locator) {
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("info-panel")).toHaveCount(0);
  await expect(opener).toBeFocused();
}

export async function openRoleGuide(page: Page) {
  await page.getByTestId("role-guide").getByText("Which kind of role do I need?").click();
  await expect(page.getByTestId("guide-service")).toBeVisible();
}

export async function answerRoleGuide(page: Page, answer: string) {
  await page.getByTestId(`guide-${answer}`).check();
}
