// axe-core finds no serious or critical accessibility violations on the main pages,
// in light and dark.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { waitForApp } from "./support.mjs";

const PAGES = ["/", "/lessons/shared-memory", "/compare", "/playground"];

for (const scheme of ["light", "dark"]) {
  for (const path of PAGES) {
    test(`no serious axe violations on ${path} (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      await waitForApp(page);
      await page.locator("main h1").waitFor();
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
      expect(serious).toEqual([]);
    });
  }
}
