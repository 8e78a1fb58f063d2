// The compare page: four counters under one control bar, every number on it
// read from the simulator.
import { test, expect } from "@playwright/test";
import { SHOTS, waitForApp, watchErrors } from "./support.mjs";

const panel = (page, id) => page.locator(`section.panel[data-program="${id}"]`);

test("the racy counter raises a race while the lock and actor versions stay clean", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto("/compare");
  await waitForApp(page);
  await expect(page.locator("section.panel")).toHaveCount(4);
  const step = page.getByRole("button", { name: "Step ▶" });
  for (let i = 0; i < 12; i++) await step.click();
  await expect(panel(page, "racy-counter").locator(".banner-race")).toBeVisible();
  await expect(panel(page, "lock-counter").locator(".banner-race")).toHaveCount(0);
  await expect(panel(page, "actor-counter").locator(".banner-race")).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/compare-stepped-light.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test("the arrow keys step every panel forward and back together", async ({ page }) => {
  await page.goto("/compare");
  await waitForApp(page);
  const status = panel(page, "lock-counter").locator(".panel-status");
  await page.locator(".panel-group").focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(status).toHaveText("step 2");
  await expect(panel(page, "actor-counter").locator(".panel-status")).toHaveText("step 2");
  await page.keyboard.press("ArrowLeft");
  await expect(status).toHaveText("step 1");
  await page.keyboard.press("Home");
  await expect(status).toHaveText("step 0");
});

test("the narration names what each step did", async ({ page }) => {
  await page.goto("/compare");
  await waitForApp(page);
  const now = panel(page, "racy-counter").locator(".narration-now");
  await expect(now).toHaveAttribute("aria-live", "polite");
  const before = await now.textContent();
  await page.getByRole("button", { name: "Step ▶" }).click();
  await expect(now).not.toHaveText(before ?? "");
});
