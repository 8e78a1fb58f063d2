// The Studio: write a lesson, watch a checker error appear and disappear, grade the
// preview's quiz, autosave, open a .md file; playground links reproduce a program.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { SHOTS, waitForApp, watchErrors } from "./support.mjs";

async function openStudio(page) {
  await page.goto("/studio");
  await waitForApp(page);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await waitForApp(page);
  await expect(page.locator("main h1")).toHaveText("Studio");
}

test("a lesson written in the Studio is checked as it is typed and its quiz grades", async ({ page }) => {
  const errors = watchErrors(page);
  await openStudio(page);
  const editor = page.getByLabel("Lesson file (Markdown with TOML front matter)");
  const preview = page.locator(".st-preview");
  await expect(preview.locator(".st-title")).toHaveText("My first lesson");
  // The whole checker ran: every program and answer of the template passes.
  await expect(page.locator(".st-status")).toContainText("Checked: 0 error(s)", { timeout: 15_000 });

  // A misspelt attribute: the finding appears with its place and a hint, and the gutter marks the line.
  const template = await editor.inputValue();
  await editor.fill(template.replace("id=counter title=", "id=counter titel="));
  const finding = page.locator(".st-findings .ed-error").first();
  await expect(finding).toContainText("unknown attribute `titel`");
  await expect(finding.locator(".st-jump")).toHaveText(/^\d+:\d+$/);
  await expect(page.locator(".st-mark-error")).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/studio-error-light.png`, fullPage: false });

  // Fixing it clears the finding and the marker.
  await editor.fill(template);
  await expect(page.locator(".st-findings .ed-error")).toHaveCount(0);
  await expect(page.locator(".st-mark-error")).toHaveCount(0);

  // The preview is the students' lesson: its computed answer grades. The program is lesson 1's
  // racy counter (expanded into read, add, write); taking turns, both threads read 0 before
  // either writes back, so both write 1, as that lesson's checked answer says too.
  const question = preview.locator('[data-question="my-first-lesson/counter-round-robin"]');
  await question.locator(".quiz-text").fill("1");
  await question.locator(".quiz-text").press("Enter");
  await expect(question.locator(".quiz-verdict")).toContainText("Right");

  // Autosaved: a reload brings the edit back.
  await editor.fill(template.replace("My first lesson", "Counting together"));
  await expect(page.locator(".st-saved")).toHaveText("✓ Saved in this browser");
  await page.reload();
  await waitForApp(page);
  await expect(page.locator(".st-preview .st-title")).toHaveText("Counting together");
  // Download offers the text as a .md file.
  await expect(page.locator(".st-download")).toHaveAttribute("download", /\.md$/);
  expect(errors).toEqual([]);
});

test("a .md file opened through the file input replaces the editor's text", async ({ page }) => {
  await openStudio(page);
  const lesson = (await page.getByLabel("Lesson file (Markdown with TOML front matter)").inputValue())
    .replace("My first lesson", "Opened from disk");
  await page.locator(".st-file-input").setInputFiles({ name: "opened.md", mimeType: "text/markdown", buffer: Buffer.from(lesson) });
  await expect(page.locator(".st-preview .st-title")).toHaveText("Opened from disk");
  await expect(page.locator(".st-note").first()).toContainText("Editing opened.md");
});

test("a bundled lesson can be the start", async ({ page }) => {
  await openStudio(page);
  await page.getByLabel("Start from").selectOption({ label: "02-actors.md" });
  await page.getByRole("button", { name: "Use it" }).click();
  await expect(page.locator(".st-preview .st-title")).toHaveText(/Actors/);
});

test("a playground link opened in a fresh browser reproduces source, mode and step", async ({ page, browser }) => {
  await page.goto("/playground");
  await waitForApp(page);
  const source = page.getByLabel("Program source");
  const program = (await source.inputValue()).replace("range(2)", "range(3)");
  await source.fill(program);
  await page.getByRole("button", { name: "Run ▶" }).click();
  await page.getByRole("button", { name: "Step ▶" }).click();
  await page.getByRole("button", { name: "Step ▶" }).click();
  await page.getByRole("button", { name: "Copy program link" }).click();
  const url = page.url();
  expect(url).toMatch(/[?&]p=1[A-Za-z0-9_-]+/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await waitForApp(other);
  await expect(other.getByLabel("Program source")).toHaveValue(program);
  const state = new URL(url).searchParams.get("playground-1");
  expect(state).toMatch(/~..$/); // two steps were taken
  await expect(other.getByRole("button", { name: "◀ Back" })).toBeEnabled();
  await fresh.close();

  // A damaged link explains itself and the starter program is shown.
  await page.goto("/playground?p=1AAAA");
  await waitForApp(page);
  await expect(page.locator(".pg-notice")).toContainText("damaged");
});

for (const scheme of ["light", "dark"]) {
  test(`the Studio has no serious axe violations and looks right (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openStudio(page);
    await expect(page.locator(".st-status")).toContainText("Checked", { timeout: 15_000 });
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
    expect(serious).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/studio-wide-${scheme}.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/studio-phone-${scheme}.png`, fullPage: false });
  });
}
