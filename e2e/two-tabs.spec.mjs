// Two tabs of one browser answering quiz questions at the same time: the progress both
// write to the same storage is merged, so neither tab's answer is lost, and a tab showing
// the menu picks up the other tab's answer as it is saved.
import { test, expect } from "@playwright/test";
import { waitForApp, watchErrors } from "./support.mjs";

const card = (page) => page.locator(".quiz-screen .quiz-card");

/** Answers the current card in whatever way its kind allows, then waits for the verdict. */
async function answer(page) {
  const current = card(page);
  const kind = (await current.locator(".quiz-kind").textContent()) ?? "";
  if (kind.startsWith("Schedule challenge")) {
    await current.getByRole("button", { name: "Give up and show me" }).click();
  } else if (await current.locator(".quiz-text").count()) {
    await current.locator(".quiz-text").fill("no idea");
    await current.locator(".quiz-text").press("Enter");
  } else {
    if (await current.locator(".quiz-choice").count()) await current.locator(".quiz-choice").first().click();
    await current.getByRole("button", { name: "Check answer" }).click();
  }
  await expect(current.locator(".quiz-verdict")).toBeVisible({ timeout: 15_000 });
  return (await current.getAttribute("data-question")) ?? "";
}

/** Starts one lesson's quiz from the menu, inside the page (no reload). */
async function startLesson(page, id) {
  await page.locator(".quiz-option-lesson select").selectOption(id);
  await page.getByRole("button", { name: "Start this lesson's quiz" }).click();
  await expect(card(page)).toBeVisible();
}

const stats = (page) => page.locator(".quiz-stats");

test("two tabs answering at once keep both answers", async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  const errors = [...[first, second].map(watchErrors)];
  await first.goto("/quiz");
  await waitForApp(first);
  await first.evaluate(() => localStorage.clear());
  for (const page of [first, second]) {
    await page.goto("/quiz");
    await waitForApp(page);
    await expect(stats(page)).toContainText("You have answered 0 of");
  }

  // Both tabs have loaded their progress; the first answers a question of one lesson...
  await startLesson(first, "actors");
  const firstKey = await answer(first);
  // ...and the second, still on the menu, hears of it without a reload.
  await expect(stats(second)).toContainText("You have answered 1 of");

  // The second tab answers a question of another lesson.
  await startLesson(second, "shared-memory");
  const secondKey = await answer(second);
  expect(firstKey.startsWith("actors/")).toBe(true);
  expect(secondKey.startsWith("shared-memory/")).toBe(true);

  // Each tab, loaded again, has both answers.
  for (const page of [first, second]) {
    await page.goto("/quiz");
    await waitForApp(page);
    await expect(stats(page)).toContainText("You have answered 2 of");
  }
  const saved = await first.evaluate(() => JSON.parse(localStorage.getItem("switchboard.progress.v1")));
  expect(Object.keys(saved.answers).sort()).toEqual([firstKey, secondKey].sort());
  expect(errors.flat()).toEqual([]);
});
