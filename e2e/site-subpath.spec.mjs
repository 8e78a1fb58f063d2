// `make site` output published under a sub-path: the test course in e2e/course/ is built
// with scripts/site.sh (LESSONS, PUBLIC_URL=/sub/, DIST in a temporary folder) and served
// from 127.0.0.1 under /sub/ only, with the fallback to index.html a static host needs.
// SITE_SUB_DIST may name a folder already built that way, to skip the build.
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { waitForApp, watchErrors } from "./support.mjs";

const BASE = "/sub/";
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
};

let dist;
let built = false;
let server;
let origin;
const missing = [];

// A static host: files under /sub/ as they are; an extensionless path under /sub/ gets
// index.html (the SPA fallback); anything outside /sub/ is a 404, so an asset or link
// that forgets the sub-path shows up.
async function answer(req, res) {
  const path = decodeURIComponent((req.url ?? "/").split("?")[0]);
  if (!path.startsWith(BASE)) {
    missing.push(path);
    res.writeHead(404).end("not found");
    return;
  }
  const clean = normalize(path.slice(BASE.length)).replace(/^(\.\.[/\\])+/, "");
  let file = join(dist, clean);
  let found = false;
  try {
    found = file.startsWith(dist) && (await stat(file)).isFile();
  } catch {}
  if (!found) {
    if (extname(clean) !== "") {
      missing.push(path);
      res.writeHead(404).end("not found");
      return;
    }
    file = join(dist, "index.html");
  }
  res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
  res.end(await readFile(file));
}

test.beforeAll(async () => {
  test.setTimeout(600_000);
  if (process.env.SITE_SUB_DIST) {
    dist = resolve(process.env.SITE_SUB_DIST);
  } else {
    dist = mkdtempSync(join(tmpdir(), "site-sub-"));
    built = true;
    execFileSync("bash", ["scripts/site.sh"], {
      env: { ...process.env, LESSONS: "e2e/course", PUBLIC_URL: BASE, DIST: dist },
      stdio: "inherit",
    });
  }
  server = createServer(answer);
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  origin = `http://127.0.0.1:${server.address().port}`;
});

test.afterAll(async () => {
  await new Promise((ok) => server?.close(ok));
  if (built) rmSync(dist, { recursive: true, force: true });
});

test("a course built for /sub/ shows its title and course.toml's lessons in its order", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`${origin}${BASE}`);
  await waitForApp(page);
  await expect(page.locator("main h1")).toHaveText("Threads for first years");
  await expect(page).toHaveTitle("Threads for first years · Switchboard");
  // course.toml lists 02-lock.md first although its `order =` is higher, and leaves the
  // draft out.
  const titles = page.locator(".course-path > li.lesson-card h2 a");
  await expect(titles).toHaveText(["Taking turns with a lock", "One counter, two threads"]);
  await expect(page.locator("main")).not.toContainText("An unfinished draft");
  expect(missing).toEqual([]);
  expect(errors).toEqual([]);
});

test("a lesson link stays under /sub/ and the lesson loads again on reload", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`${origin}${BASE}`);
  await waitForApp(page);
  await page.getByRole("link", { name: "One counter, two threads" }).click();
  await expect(page).toHaveURL(`${origin}${BASE}lessons/one-counter`);
  await expect(page.locator("main h1")).toHaveText("One counter, two threads");
  await page.reload();
  await waitForApp(page);
  await expect(page.locator("main h1")).toHaveText("One counter, two threads");
  // The program panel came up, so the wasm and its assets loaded from under /sub/.
  await expect(page.locator("main")).toContainText("Two threads, one count");
  // A direct visit to another route works too.
  await page.goto(`${origin}${BASE}lessons/take-turns`);
  await waitForApp(page);
  await expect(page.locator("main h1")).toHaveText("Taking turns with a lock");
  expect(missing).toEqual([]);
  expect(errors).toEqual([]);
});

test("the quiz page draws only from course.toml's quiz lessons", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`${origin}${BASE}`);
  await waitForApp(page);
  await page.locator("header.site-header").getByRole("link", { name: "Quiz" }).click();
  await expect(page).toHaveURL(`${origin}${BASE}quiz`);
  await expect(page.locator("main h1")).toHaveText("Quiz");
  // The counter lesson has two questions; the lock lesson's question is not drawn on.
  const options = page.locator(".quiz-select option");
  await expect(options).toHaveCount(1);
  await expect(options.first()).toHaveText("One counter, two threads (2)");
  await expect(page.locator("main")).not.toContainText("Taking turns with a lock");
  await page.reload();
  await waitForApp(page);
  await expect(page.locator(".quiz-select option")).toHaveCount(1);
  expect(missing).toEqual([]);
  expect(errors).toEqual([]);
});
