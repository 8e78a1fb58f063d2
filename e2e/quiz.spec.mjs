// Quiz mode end to end: a lesson's quiz answered with some wrong answers, the score and
// a retry of the wrong ones, keyboard-only answering, progress kept across reloads,
// corrupt saved data survived, a schedule challenge won by clicking processes, and
// screenshots of the quiz in light and dark.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { SHOTS, waitForApp, watchErrors } from "./support.mjs";

const KEY = "switchboard.progress.v1";

/** The current question card on the Quiz page. */
const card = (page) => page.locator(".quiz-screen .quiz-card");

/** The live region of the current card, where every state change is announced. */
const live = (page) => card(page).locator(".quiz-sr[aria-live]");

/** Types into the current question's text box and checks the answer with Enter. */
async function typeAnswer(page, text) {
  const box = card(page).locator(".quiz-text");
  await box.fill(text);
  await box.press("Enter");
}

/** Picks choices by their text using only the number keys, then checks with Enter. */
async function pickByKeys(page, texts) {
  const choices = card(page).locator(".quiz-choice");
  const labels = (await choices.allTextContents()).map((t) => t.replace(/^\s*\d\s*/, "").trim());
  await card(page).focus();
  for (const text of texts) {
    const index = labels.findIndex((l) => l.startsWith(text));
    expect(index, `"${text}" is a choice`).toBeGreaterThanOrEqual(0);
    await page.keyboard.press(String(index + 1));
    await expect(live(page)).toContainText(`Picked ${index + 1}`);
  }
  await page.keyboard.press("Enter");
}

/** The simulator's answer, as the feedback shows it. */
async function computedAnswer(page) {
  return (await card(page).locator(".quiz-feedback .quiz-output").first().textContent()) ?? "";
}

/** Moves on with the keyboard: the Next button has the focus after an answer. */
async function next(page) {
  const button = page.locator(".quiz-next-button");
  await expect(button).toBeFocused();
  await page.keyboard.press("Enter");
}

/** The current card's question key, `lesson/question`. */
async function keyOf(page) {
  return (await card(page).getAttribute("data-question")) ?? "";
}

/**
 * Answers the current card wrong in the way its kind allows: a challenge is given up,
 * a fix-the-bug program is checked unchanged (it is the broken one), a typed answer is
 * nonsense. Questions with choices are answered by each test's plan, by name.
 */
async function answerWrong(page) {
  const kind = (await card(page).locator(".quiz-kind").textContent()) ?? "";
  if (kind.startsWith("Schedule challenge")) {
    await card(page).getByRole("button", { name: "Give up and show me" }).click();
  } else if (kind.startsWith("Fix the bug")) {
    await card(page).getByRole("button", { name: "Check answer" }).click();
  } else if (await card(page).locator(".quiz-choice").count()) {
    throw new Error(`no plan for the choice question ${await keyOf(page)}`);
  } else {
    await typeAnswer(page, "no idea");
  }
  await expect(card(page).locator(".quiz-verdict")).toHaveText("✗ Not quite.", { timeout: 15_000 });
}

/**
 * Walks a quiz run to its score. `plan` maps a question key to a step that answers it
 * and returns whether that answer is right; any other question is answered wrong.
 * Returns the keys seen, in order, each with whether it was answered right.
 */
async function walk(page, plan) {
  const seen = [];
  for (;;) {
    const key = await keyOf(page);
    expect(key, "each card names its question").not.toBe("");
    const step = plan[key];
    const right = step ? await step() : (await answerWrong(page), false);
    seen.push({ key, right });
    const last = (await page.locator(".quiz-next-button").textContent())?.includes("See your score");
    await next(page);
    if (last) return seen;
  }
}

/** The score line for `right` of `total`. */
const scoreLine = (right, total) => new RegExp(`^${right} of ${total} right \\(\\d+%\\)$`);

test("a lesson quiz: wrong answers, the score, a retry of the wrong ones, then the answers", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto("/quiz?lesson=actors");
  await waitForApp(page);
  await expect(page.locator(".quiz-position")).toContainText("Question 1 of");
  await expect(page.locator("progress.quiz-progress")).toHaveAttribute("value", "0");

  // The right answers, worked out by hand (the same reasoning as the app's unit tests):
  // each client's bumps precede its `finished`, and main asks only after both, so all four
  // bumps are counted; under round-robin the sender prints before the reader's turn.
  const tally = "total is 4";
  const noWait = "sender is already past the send";
  const seen = await walk(page, {
    // A prediction, answered wrong. The simulator's answer is shown, and the run plays.
    "actors/tally-output": async () => {
      await expect(card(page)).toContainText("Predict the outcome");
      await typeAnswer(page, "total is 3");
      await expect(card(page).locator(".quiz-verdict")).toHaveText("✗ Not quite.");
      await expect(live(page)).toContainText("Not quite. The simulator's answer");
      expect((await computedAnswer(page)).trim()).toBe(tally);
      await expect(card(page).locator(".quiz-run section.panel")).toBeVisible();
      await expect(card(page).locator(".quiz-back")).toHaveAttribute("href", /^\/lessons\/actors#/);
      await expect(page.locator("progress.quiz-progress")).not.toHaveAttribute("value", "0");
      return false;
    },
    // The first printed line, picked from choices, wrong: under round-robin the reader's
    // line cannot come first, because a send does not wait for it.
    "actors/no-wait-first-line": async () => {
      await pickByKeys(page, ["reader got hello"]);
      await expect(card(page).locator(".quiz-verdict")).toHaveText("✗ Not quite.");
      expect((await computedAnswer(page)).trim()).toBe(noWait);
      return false;
    },
    // Multiple choice, keyboard only, right.
    "actors/why-no-lock": async () => {
      await pickByKeys(page, ["It handles one message at a time"]);
      await expect(card(page).locator(".quiz-verdict")).toHaveText("✓ Right!");
      await expect(live(page)).toHaveText("Right!");
      await expect(card(page).locator(".quiz-choice.quiz-right")).toHaveCount(1);
      return true;
    },
    // Short answer, odd case and spacing, right.
    "actors/send-returns": async () => {
      await typeAnswer(page, "   PID ");
      await expect(card(page).locator(".quiz-verdict")).toHaveText("✓ Right!");
      return true;
    },
  });
  const keys = seen.map((s) => s.key);
  for (const key of ["actors/tally-output", "actors/no-wait-first-line", "actors/why-no-lock", "actors/send-returns"]) {
    expect(keys, `${key} is in the lesson's quiz`).toContain(key);
  }
  const right = seen.filter((s) => s.right).length;
  const wrong = seen.length - right;
  await expect(page.locator(".quiz-score-big")).toHaveText(scoreLine(right, seen.length));
  await expect(page.locator(".quiz-result-wrong")).toHaveCount(wrong);
  await page.screenshot({ path: `${SHOTS}/quiz-score-light.png`, fullPage: true });

  // Retry the wrong ones: the two predictions now with the hand-worked answers, the rest
  // wrong again.
  await page.getByRole("button", { name: `Retry the wrong ones (${wrong})` }).click();
  await expect(page.locator(".quiz-position")).toContainText(`Question 1 of ${wrong}`);
  await expect(page.locator(".quiz-scope")).toHaveText("Retrying the wrong ones");
  const retried = await walk(page, {
    "actors/tally-output": async () => {
      await typeAnswer(page, tally);
      await expect(card(page).locator(".quiz-verdict")).toHaveText("✓ Right!");
      return true;
    },
    "actors/no-wait-first-line": async () => {
      await pickByKeys(page, [noWait]);
      await expect(card(page).locator(".quiz-verdict")).toHaveText("✓ Right!");
      return true;
    },
  });
  expect(retried.map((s) => s.key)).toEqual(seen.filter((s) => !s.right).map((s) => s.key));
  const still = retried.filter((s) => !s.right).length;
  await expect(page.locator(".quiz-score-big")).toHaveText(scoreLine(wrong - still, wrong));
  const retry = page.getByRole("button", { name: /Retry the wrong ones/ });
  if (still === 0) await expect(retry).toHaveCount(0);
  else await expect(retry).toHaveText(`Retry the wrong ones (${still})`);

  // The answer sheet lists each question of the run with its right answer.
  await page.getByRole("button", { name: "Show answers" }).click();
  await expect(page.locator(".quiz-answer-item")).toHaveCount(wrong);
  await expect(page.locator(".quiz-answer-item .quiz-output").filter({ hasText: tally }).first()).toHaveText(tally);
  await page.screenshot({ path: `${SHOTS}/quiz-answers-light.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test("progress is kept across reloads: answers, done ticks and the place in a quiz", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto("/quiz?lesson=actors");
  await waitForApp(page);
  const first = await keyOf(page);
  await answerWrong(page);
  await next(page);
  await expect(page.locator(".quiz-position")).toContainText("Question 2 of");
  const second = await keyOf(page);
  expect(second).not.toBe(first);

  // Reload mid-quiz: the lesson link resumes at the same question.
  await page.reload();
  await waitForApp(page);
  await expect(page.locator(".quiz-position")).toContainText("Question 2 of");
  expect(await keyOf(page)).toBe(second);
  const rest = await walk(page, {
    "actors/no-wait-first-line": async () => (await pickByKeys(page, ["reader got hello"]), false),
    "actors/why-no-lock": async () => {
      await pickByKeys(page, ["Erlang integers are locked automatically"]);
      await expect(card(page).locator(".quiz-verdict")).toHaveText("✗ Not quite.");
      return false;
    },
    "actors/send-returns": async () => {
      await typeAnswer(page, "self()");
      await expect(card(page).locator(".quiz-verdict")).toHaveText("✓ Right!");
      return true;
    },
  });
  // Only the short answer was right; the first question was answered wrong too.
  const total = rest.length + 1;
  expect(rest.filter((s) => s.right).map((s) => s.key)).toEqual(["actors/send-returns"]);
  await expect(page.locator(".quiz-score-big")).toHaveText(scoreLine(1, total));

  // After a reload: the menu knows the wrong ones, the home page ticks the lesson done.
  await page.goto("/quiz");
  await waitForApp(page);
  await expect(page.locator(".quiz-stats")).toContainText(`You have answered ${total} of`);
  await expect(page.locator(".quiz-stats")).toContainText(`1 of ${total} right`);
  await expect(page.locator(".quiz-option", { hasText: "The ones I got wrong" })).toContainText(`${total - 1} questions`);
  await page.goto("/");
  await waitForApp(page);
  const actors = page.locator(".lesson-card", { hasText: "Actors: state you reach only by message" }).first();
  await expect(actors.locator(".lesson-done-tick")).toBeVisible();
  await expect(actors).toContainText(`quiz: 1 of ${total} right`);

  // "Mark as done" by hand, for a lesson without questions; it survives a reload too.
  const last = page.locator(".lesson-card").last();
  await last.getByRole("checkbox").check();
  await page.reload();
  await waitForApp(page);
  await expect(page.locator(".lesson-card").last().locator(".lesson-done-tick")).toBeVisible();
  await expect(page.locator(".home-progress")).toHaveText("2 of 13 lessons done.");
  await page.screenshot({ path: `${SHOTS}/quiz-home-done-light.png`, fullPage: true });

  // The inline quiz in the lesson shows the saved answers, and can be tried again.
  await page.goto("/lessons/actors");
  await waitForApp(page);
  const inline = page.locator('[data-question="actors/send-returns"]');
  await expect(inline.locator(".quiz-verdict")).toContainText("✓ Right!");
  await expect(inline.locator(".quiz-saved")).toBeVisible();
  await inline.getByRole("button", { name: "Try again" }).click();
  await expect(inline.locator(".quiz-text")).toHaveValue("");
  await inline.locator(".quiz-text").fill("a reply");
  await inline.locator(".quiz-text").press("Enter");
  await expect(inline.locator(".quiz-verdict")).toHaveText("✗ Not quite.");
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('[data-question="actors/send-returns"] .quiz-verdict')).toContainText("✗ Not quite.");
  expect(errors).toEqual([]);
});

test("corrupt saved progress: the notice shows, the bad data is reset, the app works", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto("/");
  await waitForApp(page);
  await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"answers":{"oops'), KEY);
  await page.reload();
  await waitForApp(page);
  await expect(page.locator("main h1")).toHaveText("Lessons");
  const notice = page.locator(".quiz-notice");
  await expect(notice).toContainText("Your saved progress could not be read, so it was reset.");
  await expect(page.locator(".lesson-card")).toHaveCount(13);
  const repaired = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), KEY);
  expect(repaired.version).toBe(1);
  await page.screenshot({ path: `${SHOTS}/quiz-corrupt-notice-light.png` });

  // The quiz still works, and saves again.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Quiz" }).click();
  await page.getByLabel("Lesson").selectOption("shared-memory");
  await page.getByRole("button", { name: "Start this lesson's quiz" }).click();
  // Round-robin: both threads read 0 before either writes back, so both write 1 (worked
  // by hand from the program's read, add, write).
  await expect(card(page)).toHaveAttribute("data-question", "shared-memory/racy-round-robin");
  await typeAnswer(page, "1");
  await expect(card(page).locator(".quiz-verdict")).toHaveText("✓ Right!");
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), KEY);
  expect(saved.answers["shared-memory/racy-round-robin"].correct).toBe(true);

  // Data from another program under the key is treated the same way; dismissing works.
  await page.evaluate((key) => localStorage.setItem(key, "[1,2,3]"), KEY);
  await page.goto("/quiz");
  await waitForApp(page);
  await expect(page.locator(".quiz-notice")).toContainText("could not be read");
  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(page.locator(".quiz-notice")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("a schedule challenge is won by clicking processes, and judged by the simulator", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto("/lessons/shared-memory");
  await waitForApp(page);
  const challenge = page.locator('[data-question="shared-memory/racy-lose-it"]');
  await challenge.scrollIntoViewIfNeeded();
  await expect(challenge.locator(".quiz-goal")).toContainText("lose an update");
  const run = (name) => challenge.locator(".choices").getByRole("button", { name, exact: true }).click();

  // Submitting before the goal is reached is not graded: the student is told to go on.
  await run("main");
  await challenge.getByRole("button", { name: "Submit my schedule" }).click();
  await expect(challenge.locator(".quiz-challenge .quiz-hint")).toContainText("still going");
  await expect(challenge.locator(".quiz-verdict")).toHaveCount(0);

  // main starts both threads; both read 0 before either writes.
  await run("main");
  await run("T1");
  await run("T2");
  await run("T1");
  await run("T1");
  await run("T2");
  await run("T2");
  await expect(challenge.locator(".banner-lost")).toBeVisible();
  await challenge.getByRole("button", { name: "Submit my schedule" }).click();
  await expect(challenge.locator(".quiz-verdict")).toHaveText("✓ Right!");
  await challenge.screenshot({ path: `${SHOTS}/quiz-challenge-won-light.png` });
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), KEY);
  expect(saved.answers["shared-memory/racy-lose-it"].correct).toBe(true);

  // The other challenge: give up, and a winning schedule found by the search plays.
  const deadlock = page.locator('[data-question="shared-memory/lock-order-deadlock"]');
  await deadlock.scrollIntoViewIfNeeded();
  await deadlock.getByRole("button", { name: "Give up and show me" }).click();
  await expect(deadlock.locator(".quiz-verdict")).toHaveText("✗ Not quite.");
  await expect(deadlock.locator(".quiz-steps li").first()).toBeVisible();
  await expect(deadlock.locator(".banner-deadlock")).toBeVisible({ timeout: 15_000 });
  await expect(deadlock.getByRole("button", { name: "▶ Watch it again" })).toBeEnabled({ timeout: 15_000 });
  await deadlock.screenshot({ path: `${SHOTS}/quiz-give-up-light.png` });
  expect(errors).toEqual([]);
});

test("the keyboard alone picks with number keys, submits with Enter, and plays a challenge", async ({ page }) => {
  await page.goto("/quiz?lesson=shared-memory");
  await waitForApp(page);
  // Answer wrong until the first schedule challenge comes up.
  while (!(await card(page).locator(".quiz-challenge").count())) {
    await answerWrong(page);
    await next(page);
  }
  // The challenge board takes the focus: digits pick who runs next, Enter submits.
  await expect(card(page).locator(".quiz-challenge")).toBeFocused();
  const status = card(page).locator(".panel-status");
  await page.keyboard.press("1");
  await expect(status).toHaveText("step 1");
  await page.keyboard.press("1");
  await expect(status).toHaveText("step 2");
  await page.keyboard.press("ArrowLeft");
  await expect(status).toHaveText("step 1");
  await page.keyboard.press("Enter");
  await expect(card(page).locator(".quiz-challenge .quiz-hint")).toContainText("still going");
  await page.keyboard.press("Home");
  await expect(status).toHaveText("step 0");
});

test("reset my progress asks first", async ({ page }) => {
  await page.goto("/quiz?lesson=actors");
  await waitForApp(page);
  await typeAnswer(page, "x");
  await page.getByRole("button", { name: "Leave the quiz (it is saved)" }).click();
  // Question 1 is answered, so the quiz picks up at question 2.
  await expect(page.locator(".quiz-resume")).toContainText(/question 2 of \d+/);
  await expect(page.locator(".quiz-stats")).toContainText("answered 1 of");

  await page.getByRole("button", { name: "Reset my progress…" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("cannot be undone");
  await page.getByRole("button", { name: "Keep my progress" }).click();
  await expect(page.locator(".quiz-stats")).toContainText("answered 1 of");

  await page.getByRole("button", { name: "Reset my progress…" }).click();
  await page.getByRole("button", { name: "Yes, reset my progress" }).click();
  await expect(page.locator(".quiz-reset-note")).toHaveText("Your progress was reset.");
  await expect(page.locator(".quiz-stats")).toContainText("answered 0 of");
  await expect(page.locator(".quiz-resume")).toHaveCount(0);
});

for (const scheme of ["light", "dark"]) {
  test(`the quiz in ${scheme}: menu, choices, feedback, a run, the inline quiz; no serious axe issues`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/quiz");
    await waitForApp(page);
    await page.screenshot({ path: `${SHOTS}/quiz-menu-${scheme}.png`, fullPage: true });
    const axe = async () => {
      const results = await new AxeBuilder({ page }).analyze();
      return results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
    };
    expect(await axe()).toEqual([]);

    await page.getByRole("button", { name: "Start the full quiz" }).click();
    // Move through the quiz by what each card is: a typed prediction, then a challenge,
    // then a question with choices, taking screenshots of each on the way.
    const kind = async () => (await card(page).locator(".quiz-kind").textContent()) ?? "";
    while ((await kind()) !== "Predict the outcome") {
      await answerWrong(page);
      await next(page);
    }
    await typeAnswer(page, "7");
    await expect(card(page).locator(".quiz-verdict")).toHaveText("✗ Not quite.");
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${SHOTS}/quiz-predict-wrong-${scheme}.png`, fullPage: true });
    await next(page);
    while (!(await kind()).startsWith("Schedule challenge")) {
      await answerWrong(page);
      await next(page);
    }
    await page.screenshot({ path: `${SHOTS}/quiz-challenge-${scheme}.png`, fullPage: true });
    await page.getByRole("button", { name: "Give up and show me" }).click();
    await next(page);
    while (!(await kind()).startsWith("Multiple choice")) {
      await answerWrong(page);
      await next(page);
    }
    // A question with choices; pick one and look before and after checking.
    await card(page).locator(".quiz-choice").nth(1).click();
    await page.screenshot({ path: `${SHOTS}/quiz-choices-${scheme}.png`, fullPage: true });
    expect(await axe()).toEqual([]);
    await page.keyboard.press("Enter");
    await page.screenshot({ path: `${SHOTS}/quiz-choices-answered-${scheme}.png`, fullPage: true });

    await page.goto("/lessons/test-yourself");
    await waitForApp(page);
    const first = page.locator(".quiz-block").first();
    await first.scrollIntoViewIfNeeded();
    await first.locator(".quiz-choice").first().click();
    await first.locator(".quiz-card").first().getByRole("button", { name: "Check answer" }).click();
    await first.screenshot({ path: `${SHOTS}/quiz-inline-${scheme}.png` });
    expect(errors).toEqual([]);
  });
}

test("on a phone-sized screen the question and its choices fit", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/quiz?lesson=test-yourself");
  await waitForApp(page);
  await card(page).locator(".quiz-choice").first().click();
  await page.keyboard.press("Enter");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}/quiz-phone-dark.png`, fullPage: true });
});
