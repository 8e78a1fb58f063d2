// Hostile playground links: an enormous, a truncated and a garbage program or schedule
// in the URL each give a plain message and the default view, never a blank page.
import { test, expect } from "@playwright/test";
import { waitForApp, watchErrors } from "./support.mjs";

const MEGABYTE = 1 << 20;

/** The starter program, as a fresh playground shows it. */
async function starterSource(page) {
  await page.goto("/playground");
  await waitForApp(page);
  return page.getByLabel("Program source").inputValue();
}

/**
 * Opens the playground at `query` from inside the app. A megabyte URL is longer than
 * any server accepts in a request line, but a page can still be sent to one by a link
 * handled in the browser, which is what this does: set the address, then let the
 * router follow it.
 */
async function openInApp(page, query) {
  await page.goto("/");
  await waitForApp(page);
  await page.evaluate((q) => {
    history.pushState(null, "", `/playground?${q}`);
    window.dispatchEvent(new PopStateEvent("popstate"));
  }, query);
  await expect(page.getByLabel("Program source")).toBeVisible();
}

test("an enormous, truncated or garbage program link explains itself and shows the starter", async ({ page }) => {
  const errors = watchErrors(page);
  const starter = await starterSource(page);

  // A real link to a changed program, then the same link cut short.
  const source = page.getByLabel("Program source");
  await source.fill(starter.replace("range(2)", "range(3)"));
  await page.getByRole("button", { name: "Run ▶" }).click();
  await page.getByRole("button", { name: "Copy program link" }).click();
  const value = new URL(page.url()).searchParams.get("p");
  expect(value.length).toBeGreaterThan(20);

  const cases = [
    [`p=${value.slice(0, Math.floor(value.length / 2))}`, "damaged"],
    ["p=1%F0%9F%92%A5%3Cscript%3Ealert(1)%3C%2Fscript%3E", "damaged"],
    ["p=%00%01%02", "format this version of Switchboard does not know"],
    [`p=${"x".repeat(MEGABYTE)}`, `too long to share as a link (${MEGABYTE} characters`],
    [`p=1${"A".repeat(MEGABYTE)}`, "too long to share as a link"],
  ];
  for (const [query, message] of cases) {
    await openInApp(page, query);
    await expect(page.locator(".pg-notice"), query.slice(0, 40)).toContainText(message);
    await expect(page.getByLabel("Program source")).toHaveValue(starter);
  }
  expect(errors).toEqual([]);
});

test("an enormous or garbage schedule link explains itself and starts at step 0", async ({ page }) => {
  const errors = watchErrors(page);
  // A schedule rides beside a program link: record a real one, two steps in.
  await page.goto("/playground");
  await waitForApp(page);
  await page.getByRole("button", { name: "Run ▶" }).click();
  await page.getByRole("button", { name: "Step ▶" }).click();
  await page.getByRole("button", { name: "Step ▶" }).click();
  await page.getByRole("button", { name: "Copy program link" }).click();
  const params = new URL(page.url()).searchParams;
  const program = params.get("p");
  const schedule = params.get("playground-1");
  expect(schedule).toMatch(/^rr~/);

  const cases = [
    ["rr~%3Cscript%3E", "could not be read"],
    ["banana", "could not be read"],
    ["r99999999999999999999999~0", "could not be read"],
    [`rr~${"0".repeat(MEGABYTE)}`, `too long to replay (${MEGABYTE + 3} characters`],
  ];
  for (const [state, message] of cases) {
    await openInApp(page, `p=${program}&playground-1=${state}`);
    const notice = page.locator(".panel-link-notice");
    await expect(notice, state.slice(0, 40)).toContainText(message);
    await expect(notice).toContainText("starts from the beginning");
    await expect(page.locator(".panel-status").first()).toHaveText("step 0");
  }
  // The real schedule link still replays its two steps, with no notice.
  await page.goto(`/playground?p=${program}&playground-1=${schedule}`);
  await waitForApp(page);
  await expect(page.locator(".panel-status").first()).toHaveText("step 2");
  await expect(page.locator(".panel-link-notice")).toHaveCount(0);
  expect(errors).toEqual([]);
});
