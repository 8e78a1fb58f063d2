// The simulation panel as a student uses it: stepping, playing, going back,
// sharing a link, being the scheduler, and the playground's errors.
import { test, expect } from "@playwright/test";
import { SHOTS, waitForApp, watchErrors } from "./support.mjs";

const panel = (page, id) => page.locator(`section.panel[data-program="${id}"]`);
const countIn = async (locator) => Number((await locator.textContent()).match(/count = (\d+)/)?.[1] ?? NaN);

test("compare: the racy counter loses an update while the lock, actor and channel counters reach 4", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto("/compare");
  await waitForApp(page);
  const step = page.getByRole("button", { name: "Step ▶" });
  // Step until no panel can move (every program has finished).
  for (let i = 0; i < 200 && (await step.isEnabled()); i++) await step.click();
  await expect(step).toBeDisabled();
  const racy = panel(page, "racy-counter");
  await expect(racy.locator(".banner-lost")).toBeVisible();
  expect(await countIn(racy.locator(".panel-outcome"))).toBeLessThan(4);
  for (const id of ["lock-counter", "actor-counter", "csp-counter"]) {
    expect(await countIn(panel(page, id).locator(".panel-outcome")), id).toBe(4);
    await expect(panel(page, id).locator(".banner-race, .banner-lost")).toHaveCount(0);
  }
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${SHOTS}/compare-finished-${scheme}.png`, fullPage: true });
  }
  expect(errors).toEqual([]);
});

test("space plays and pauses from the keyboard", async ({ page }) => {
  await page.goto("/compare");
  await waitForApp(page);
  const status = panel(page, "racy-counter").locator(".panel-status");
  await page.locator(".panel-group").focus();
  await page.keyboard.press(" ");
  await expect(page.getByRole("button", { name: /Pause/ })).toBeVisible();
  await expect(status).not.toHaveText("step 0");
  await page.keyboard.press(" ");
  await expect(page.getByRole("button", { name: /Play/ })).toBeVisible();
  const paused = await status.textContent();
  await page.waitForTimeout(1500);
  await expect(status).toHaveText(paused ?? "");
});

test("step back restores the previous view exactly", async ({ page }) => {
  await page.goto("/lessons/shared-memory");
  await waitForApp(page);
  const first = page.locator("section.panel").first();
  const step = page.getByRole("button", { name: "Step ▶" }).first();
  for (let i = 0; i < 3; i++) await step.click();
  const before = await first.locator(".stage").innerHTML();
  const narration = await first.locator(".narration-now").textContent();
  await step.click();
  await expect(first.locator(".narration-now")).not.toHaveText(narration ?? "");
  await page.getByRole("button", { name: "◀ Back" }).first().click();
  await expect(first.locator(".narration-now")).toHaveText(narration ?? "");
  expect(await first.locator(".stage").innerHTML()).toEqual(before);
});

test("a copied link reloads to the same step", async ({ page }) => {
  await page.goto("/lessons/shared-memory");
  await waitForApp(page);
  const first = page.locator("section.panel").first();
  const step = page.getByRole("button", { name: "Step ▶" }).first();
  for (let i = 0; i < 5; i++) await step.click();
  const narration = await first.locator(".narration-now").textContent();
  const status = await first.locator(".panel-status").textContent();
  // The app writes the address once per frame (all panels together), so the address bar
  // holds the last step from the next frame on.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const url = page.url();
  expect(url).toContain("?");
  await page.goto(url);
  await waitForApp(page);
  const again = page.locator("section.panel").first();
  await expect(again.locator(".panel-status")).toHaveText(status ?? "");
  await expect(again.locator(".narration-now")).toHaveText(narration ?? "");
});

test("you choose: clicking a process advances exactly that process", async ({ page }) => {
  await page.goto("/lessons/shared-memory");
  await waitForApp(page);
  const first = page.locator(".sim-single").first();
  await first.getByLabel("Scheduler").selectOption("manual");
  const choices = first.locator(".choices button.choice");
  await expect(choices.first()).toBeVisible();
  const who = (await choices.first().textContent()).trim();
  await choices.first().click();
  await expect(first.locator(".panel-status")).toHaveText("step 1");
  await expect(first.locator(".narration-now")).toContainText(who);
  await first.screenshot({ path: `${SHOTS}/you-choose-light.png` });
});

test("the playground shows a compile error at its line", async ({ page }) => {
  await page.goto("/playground");
  await waitForApp(page);
  const editor = page.getByLabel("Program source");
  await editor.fill("count = 0\n\ndef work():\n    async with lock:\n        count += 1\n");
  await page.getByRole("button", { name: "Run ▶" }).click();
  const error = page.locator(".ed-errors .ed-error").first();
  await expect(error.locator(".ed-where")).toHaveText(/^line 4, column \d+$/);
  await expect(page.locator(".ed-line.has-error")).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/playground-error-light.png` });
  await editor.fill("count = 0\nprint(count)\n");
  await page.getByRole("button", { name: "Run ▶" }).click();
  await expect(page.locator(".ed-errors .ed-error")).toHaveCount(0);
  await expect(page.locator("section.panel")).toHaveCount(1);
});

test("every bundled lesson loads with no console error", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto("/");
  await waitForApp(page);
  const links = await page.locator(".course-path a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(links.length).toBeGreaterThanOrEqual(10);
  for (const href of links) {
    await page.goto(href);
    await waitForApp(page);
    await expect(page.locator("main h1")).not.toHaveText("Page not found");
    await expect(page.locator(".panel-error")).toHaveCount(0);
  }
  expect(errors).toEqual([]);
});

test("explore shows every schedule of the racy counter as a histogram, and a bar replays", async ({ page }) => {
  await page.goto("/lessons/shared-memory");
  await waitForApp(page);
  const single = page.locator(".sim-single").first();
  await single.getByRole("button", { name: "Explore all schedules" }).click();
  const histogram = single.locator(".histogram");
  await expect(histogram).toBeVisible({ timeout: 20_000 });
  await expect(histogram.locator("figcaption")).toContainText("lose an update");
  const bad = histogram.locator(".bar.bad").first();
  await bad.click();
  await expect(single.locator(".banner-lost, .banner-race").first()).toBeVisible();
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await single.screenshot({ path: `${SHOTS}/explore-${scheme}.png` });
  }
});
