// Hostile programs in the browser: each is typed into the playground, run, played for a
// while, then explored, while the browser's long-task observer records every task over
// 50 ms. A measurement, not a test: it prints a table and never fails on the figures.
// The page must stay responsive (the goal is no task over 100 ms), and the source must
// still be in the editor afterwards.
//
//   node scripts/hostile.mjs      (after `trunk build --release`)
//
// Columns: the program, the longest task while it was compiled and shown and then played
// for PLAY_MS, the longest task while it was explored to its end or its bound, what the
// explorer said, and whether Step still answered within a frame at the end.
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";

const PORT = 4322;
const PLAY_MS = Number(process.env.PLAY_MS ?? 2000);
const base = `http://127.0.0.1:${PORT}`;

/** Dialect option value, name, source: the programs of crates/lang/tests/hostile.rs. */
const PROGRAMS = [
  ["python", "endless loop", "while True:\n    pass\n"],
  ["python", "endless shared writes", "import threading\n\ncount = 0\n\ndef bump():\n    global count\n    while True:\n        count += 1\n\nthreading.Thread(target=bump).start()\n"],
  ["python", "spawn bomb", "import threading\n\ndef bomb():\n    threading.Thread(target=bomb).start()\n    threading.Thread(target=bomb).start()\n\nbomb()\n"],
  ["python", "unbounded recursion", "def dive(n):\n    return dive(n + 1)\n\ndive(0)\n"],
  ["python", "doubling string", 's = "ab"\nwhile True:\n    s = s + s\n'],
  ["python", "printing forever", 'while True:\n    print("again")\n'],
  ["erlang", "endless loop", "main() -> spin().\nspin() -> spin().\n"],
  ["erlang", "spawn bomb", "main() -> bomb().\nbomb() ->\n    spawn(fun bomb/0),\n    spawn(fun bomb/0).\n"],
  ["erlang", "mailbox flood", "main() ->\n    Sink = spawn(fun() -> receive never -> ok end end),\n    flood(Sink).\nflood(Sink) ->\n    Sink ! hello,\n    flood(Sink).\n"],
  ["erlang", "unbounded recursion", "main() -> depth(0).\ndepth(N) -> 1 + depth(N + 1).\n"],
  ["erlang", "doubling list", "main() -> grow([1]).\ngrow(L) -> grow(L ++ L).\n"],
  ["go", "endless loop", "package main\n\nfunc main() {\n\tfor {\n\t}\n}\n"],
  ["go", "endless shared writes", "package main\n\nvar count int\n\nfunc main() {\n\tfor {\n\t\tcount++\n\t}\n}\n"],
  ["go", "spawn bomb", "package main\n\nfunc bomb() {\n\tgo bomb()\n\tgo bomb()\n}\n\nfunc main() {\n\tbomb()\n\tselect {}\n}\n"],
  ["go", "unbounded recursion", "package main\n\nfunc dive(n int) int {\n\treturn dive(n + 1)\n}\n\nfunc main() {\n\tdive(0)\n}\n"],
  ["go", "doubling string", 'package main\n\nfunc main() {\n\ts := "ab"\n\tfor {\n\t\ts = s + s\n\t}\n}\n'],
];

const server = spawn("node", ["e2e/serve.mjs"], { env: { ...process.env, PORT: String(PORT) }, stdio: "ignore" });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
});

/** The longest task recorded since the last call, and clears the record. */
const longest = (page) =>
  page.evaluate(() => {
    const worst = Math.max(0, ...window.__long);
    window.__long.length = 0;
    return worst;
  });

/** Milliseconds from a Step click to the frame after it. */
const stepLatency = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        const btn = [...document.querySelectorAll(".controls button")].find((b) => b.textContent.startsWith("Step"));
        if (!btn || btn.disabled) return resolve(null);
        const t0 = performance.now();
        btn.click();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
      }),
  );

const rows = [];
try {
  for (const [dialect, name, source] of PROGRAMS) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => {
      window.__long = [];
      new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => e.duration))).observe({ type: "longtask", buffered: false });
    });
    await page.goto(`${base}/playground`);
    await page.locator("select").first().waitFor();
    await page.locator(".playground select").first().selectOption(dialect);
    await page.getByLabel("Program source").fill(source);
    await longest(page);
    await page.getByRole("button", { name: "Run ▶" }).click();
    await page.locator("section.panel").waitFor({ timeout: 30_000 });
    const speed = page.locator(".controls .speed input");
    await speed.fill("4");
    const play = page.locator(".controls button").filter({ hasText: "Play" });
    if (await play.isEnabled()) await play.click();
    await page.waitForTimeout(PLAY_MS);
    const pause = page.locator(".controls button").filter({ hasText: "Pause" });
    if (await pause.count()) await pause.click();
    const run = await longest(page);
    await page.locator(".controls button.explore").click();
    const started = Date.now();
    const summary = page.locator(".explore-summary");
    await summary.waitFor({ timeout: 120_000 });
    const exploreMs = Date.now() - started;
    const explore = await longest(page);
    const said = ((await summary.textContent()) ?? "").trim();
    const step = await stepLatency(page);
    const kept = (await page.getByLabel("Program source").inputValue()) === source;
    rows.push({ dialect, name, run, explore, exploreMs, said, step, kept });
    console.log(
      `${dialect.padEnd(7)} ${name.padEnd(22)} run+play longest ${run.toFixed(0).padStart(4)} ms  explore longest ${explore.toFixed(0).padStart(4)} ms (${(exploreMs / 1000).toFixed(1)} s)  step ${step === null ? "ended" : `${step.toFixed(0)} ms`}  source kept ${kept}\n        explorer: ${said}`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}
const worst = Math.max(...rows.map((r) => Math.max(r.run, r.explore)));
console.log(`\nlongest task over all ${rows.length} programs: ${worst.toFixed(0)} ms (goal: under 100 ms)`);
