// Editor benchmark: keystroke to painted findings in the policy editor, in Chromium, on the production build.
// The editor records two measures in the page's performance timeline: `policy-editor:validate` (lib/policy on
// the whole document) and `policy-editor:keystroke-to-findings` (from the key event to the frame after the
// underlines were set). The target is 100 ms for a 10 KB document.
import fs from "node:fs";
import { chromium, type Page } from "@playwright/test";
import { identityPolicy, trustPolicy } from "./documents";
import type { BenchServer } from "./server";
import { percentiles, table } from "./stats";

const KEYSTROKES = 60;
const CHROMIUM = process.env.ROLEPLANE_BENCH_CHROMIUM ?? "/usr/bin/chromium";

async function signIn(page: Page, { baseUrl, login }: BenchServer) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email").fill(login.email);
  await page.getByLabel("Password").fill(login.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}

/** Loads `text` into the playground editor, then types inside a Sid string and collects both measures. */
async function typeInto(page: Page, baseUrl: string, kind: "identity" | "trust", text: string, sid: string) {
  await page.goto(`${baseUrl}/playground?kind=${kind}`);
  const editor = page.locator(".cm-content");
  await editor.waitFor();
  // Validation with the catalogue is the case that matters; wait until it has arrived.
  await page.getByText("Loading the action catalogue…").waitFor({ state: "detached", timeout: 60_000 });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(text);
  await page.keyboard.press("ControlOrMeta+Home"); // CodeMirror renders only the lines in view
  await page.locator(".cm-line", { hasText: `"Sid": "${sid}"` }).first().getByText(`"${sid}"`).click();
  await page.keyboard.press("ArrowLeft"); // inside the closing quote, whatever the click hit
  await page.evaluate(() => performance.clearMeasures());
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.type(String.fromCharCode(97 + (i % 26)));
    await page.waitForTimeout(120); // a brisk typist, and room for each keystroke's own frame
  }
  const durations = (name: string) => page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);
  return { validate: await durations("policy-editor:validate"), keystroke: await durations("policy-editor:keystroke-to-findings") };
}

export async function benchEditor(server: BenchServer): Promise<string> {
  if (!fs.existsSync(CHROMIUM)) return `### Editor: keystroke to findings\n\nSkipped: no Chromium at ${CHROMIUM} (set ROLEPLANE_BENCH_CHROMIUM).\n`;
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const page = await browser.newPage();
    await signIn(page, server);
    const rows: string[][] = [];
    for (const [kind, text, sid] of [
      ["identity", identityPolicy(10 * 1024), "S1"],
      ["trust", trustPolicy(10 * 1024), "T1"],
    ] as const) {
      const { validate, keystroke } = await typeInto(page, server.baseUrl, kind, text, sid);
      const [v50, v95] = percentiles(validate);
      const [k50, k95, k99] = percentiles(keystroke);
      rows.push([`${kind} (${text.length.toLocaleString("en-US")} B)`, String(keystroke.length), `${v50} / ${v95}`, `${k50} / ${k95} / ${k99}`]);
    }
    return table(
      "Editor: keystroke to findings (10 KB documents, Chromium, production build)",
      ["document", "keystrokes", "validate p50 / p95 ms", "keystroke → painted underline p50 / p95 / p99 ms"],
      rows,
    );
  } finally {
    await browser.close();
  }
}
