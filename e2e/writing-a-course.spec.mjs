// Follows docs/writing-a-course.md as a new instructor would: in the Studio, write the
// walk's lesson, watch the checker's finding appear and go, grade the preview's quiz
// and download the file.
import { test, expect } from "@playwright/test";
import { waitForApp, watchErrors } from "./support.mjs";

// The lesson of the walk, as the doc prints it (step 2). The test types it in whole.
const LESSON = `+++
id = "three-adders"
title = "Three adders and a lock"
order = 10
level = "junior"
summary = "Three threads add to one counter under a lock, and nothing is lost."
minutes = 5
+++

Each thread adds one to \`count\` twice, holding the lock for every addition.

\`\`\`sim python id=adders title="Three adders, one lock" expand
import threading

count = 0
lock = threading.Lock()

def add_twice():
    global count
    for i in range(2):
        with lock:
            count += 1

a = threading.Thread(target=add_twice)
b = threading.Thread(target=add_twice)
c = threading.Thread(target=add_twice)
a.start()
b.start()
c.start()
a.join()
b.join()
c.join()
print("count is", count)
\`\`\`

## Check yourself

\`\`\`quiz
[[questions]]
id = "adders-total"
type = "PredictOutcome"
program = "adders"
variable = "count"
prompt = "When the threads take turns, what is \`count\` at the end?"
explanation = "The lock makes each read, add and write one turn, so all six additions land."
\`\`\`
`;

test("the walk in writing-a-course.md: write, see a finding come and go, grade, download", async ({ page }) => {
  const errors = watchErrors(page);
  // Step 1: an empty Studio opens on the template lesson.
  await page.goto("/studio");
  await waitForApp(page);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await waitForApp(page);
  const editor = page.getByLabel("Lesson file (Markdown with TOML front matter)");
  const preview = page.locator(".st-preview");
  await expect(preview.locator(".st-title")).toHaveText("My first lesson");

  // Step 3: the doc's slip, a question type missing its last letter. The finding names
  // it, with its line:col and the hint, and the gutter marks the line.
  await editor.fill(LESSON.replace('type = "PredictOutcome"', 'type = "PredictOutcom"'));
  const finding = page.locator(".st-findings .ed-error");
  await expect(finding).toHaveCount(1);
  await expect(finding).toContainText("unknown question type `PredictOutcom`");
  await expect(finding).toContainText("did you mean `PredictOutcome`?");
  await expect(finding.locator(".st-jump")).toHaveText(/^\d+:\d+$/);
  await expect(page.locator(".st-mark-error")).toHaveCount(1);
  await expect(preview.locator(".st-stale")).toBeVisible();

  // Step 4: put the letter back; the finding and the mark go, and the whole checker
  // (the program run, the answer worked out) passes.
  await editor.fill(LESSON);
  await expect(finding).toHaveCount(0);
  await expect(page.locator(".st-mark-error")).toHaveCount(0);
  await expect(page.locator(".st-status")).toContainText("Checked: 0 error(s)", { timeout: 15_000 });
  await expect(preview.locator(".st-title")).toHaveText("Three adders and a lock");

  // Step 5: the preview's quiz grades. Worked out by hand: three threads each add one
  // twice, and the lock keeps every read-add-write whole, so 3 × 2 = 6 whatever the turns.
  const question = preview.locator('[data-question="three-adders/adders-total"]');
  await question.locator(".quiz-text").fill("6");
  await question.locator(".quiz-text").press("Enter");
  await expect(question.locator(".quiz-verdict")).toContainText("Right");

  // Step 6: Download .md gives back exactly the text written.
  await expect(page.locator(".st-saved")).toHaveText("✓ Saved in this browser");
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(".st-download").click()]);
  expect(download.suggestedFilename()).toMatch(/\.md$/);
  const { readFile } = await import("node:fs/promises");
  expect(await readFile(await download.path(), "utf8")).toBe(LESSON);
  expect(errors).toEqual([]);
});
