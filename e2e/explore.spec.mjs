// The explore view: distinct states and exact schedule counts, a sentence that
// agrees with the bars, and a livelock that replays. Every figure is the
// simulator's; the test checks that the page says what the report says.
import { test, expect } from "@playwright/test";
import { waitForApp, watchErrors } from "./support.mjs";

const panel = (page, id) => page.locator(`section.panel[data-program="${id}"]`);

test("every counter on the compare page is explored completely, the actor one included", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto("/compare");
  await waitForApp(page);
  await page.getByRole("button", { name: "Explore all schedules" }).first().click();
  for (const id of ["racy-counter", "lock-counter", "actor-counter", "csp-counter"]) {
    const histogram = panel(page, id).locator(".histogram");
    await expect(histogram).toBeVisible({ timeout: 20_000 });
    const figures = histogram.locator(".explore-figures");
    await expect(figures).toHaveText(/^[\d,]+ distinct states, [\d,]+ schedules, every one checked\.$/);
    await expect(histogram.locator(".explore-summary")).not.toContainText("stopped");
  }
  // The racy counter's red bars are named in its sentence, and the clean
  // counters have no red bar and say they end cleanly or the same way.
  const racy = panel(page, "racy-counter").locator(".histogram");
  await expect(racy.locator(".bar.bad").first()).toBeVisible();
  await expect(racy.locator(".explore-summary")).toContainText("lose an update");
  const actor = panel(page, "actor-counter").locator(".histogram");
  await expect(actor.locator(".bar.bad")).toHaveCount(0);
  await expect(actor.locator(".explore-summary")).toHaveText(/same way|cleanly/);
  expect(errors).toEqual([]);
});

test("a spin-wait nobody ends is reported as a livelock, and replaying it leaves the run going", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto("/playground");
  await waitForApp(page);
  const editor = page.locator("textarea").first();
  await editor.fill(
    "import threading\nflag = 0\nlock = threading.Lock()\ndef wait():\n    while True:\n        with lock:\n            if flag == 1:\n                break\nt = threading.Thread(target=wait)\nt.start()\nt.join()\n",
  );
  await page.getByRole("button", { name: /^Run/ }).first().click();
  await page.getByRole("button", { name: "Explore all schedules" }).first().click();
  const histogram = page.locator(".histogram").first();
  await expect(histogram).toBeVisible({ timeout: 20_000 });
  const trap = histogram.locator(".explore-livelock");
  await expect(trap).toContainText("Livelock: after");
  await expect(histogram.locator(".explore-summary")).toContainText("livelock");
  const button = trap.getByRole("button", { name: /Replay it \((\d+) \+ (\d+) steps\)/ });
  const [, entry, cycle] = (await button.textContent()).match(/\((\d+) \+ (\d+) steps\)/);
  await button.click();
  await expect(page.locator(".panel-status").first()).toHaveText(`step ${Number(entry) + Number(cycle)}`);
  expect(errors).toEqual([]);
});
