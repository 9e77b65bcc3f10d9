import { expect, type Page } from "@playwright/test";

/** Sortable console lists: the column headers of a table, found by the table's test id and the header's label. */
const columnHeader = (page: Page, table: string, column: string) => page.getByTestId(table).getByRole("columnheader", { name: column });

export async function clickSortBy(page: Page, table: string, column: string) {
  await columnHeader(page, table, column).getByRole("link").click();
}

export async function assertSortedBy(page: Page, table: string, column: string, direction: "ascending" | "descending") {
  await expect(columnHeader(page, table, column)).toHaveAttribute("aria-sort", direction);
}
