// Measures the app in headless Chromium through the browser's own performance
// APIs. A measurement, not a test: it prints figures and never fails on them.
//
//   node scripts/perf.mjs            (after `trunk build --release`)
//
// 1. navigation to an interactive compare page (Step enabled, four panels);
// 2. Step click to DOM updated, median and p95, on a program of 100 actors
//    with 500 messages in flight (network mode);
// 3. the longest task while the compare page plays;
// 4. the explorer, Explore click to histogram shown (a complete exploration),
//    for the lesson's actor counter and channel counter, each alone in the
//    playground, median and spread of RUNS runs;
// 5. the wasm size, raw and gzip.
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const PORT = 4321;
const RUNS = Number(process.env.PERF_RUNS ?? 5);
const base = `http://127.0.0.1:${PORT}`;
const server = spawn("node", ["e2e/serve.mjs"], { env: { ...process.env, PORT: String(PORT) }, stdio: "ignore" });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync"],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

// 1. Navigation to interactive compare page, median of RUNS cold loads.
const interactive = [];
for (let i = 0; i < RUNS; i++) {
  const page = await browser.newPage();
  await page.goto(`${base}/compare`, { waitUntil: "commit" });
  const t = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const ready = () => {
          const step = [...document.querySelectorAll(".controls button")].find((b) => b.textContent.startsWith("Step"));
          return step && !step.disabled && document.querySelectorAll("section.panel").length === 4;
        };
        const check = () => (ready() ? resolve(performance.now()) : requestAnimationFrame(check));
        check();
      }),
  );
  interactive.push(t);
  await page.close();
}

// 2. Step latency on 100 actors with 500 messages in flight.
const actors = 100;
const program = [
  "sink() ->",
  "    receive",
  "        {hello, _} -> sink()",
  "    end.",
  "",
  "main() ->",
  `    Sinks = [spawn(fun() -> sink() end) || _ <- lists:seq(1, ${actors})],`,
  "    ok.",
].join("\n");
// Comprehensions are not in the dialect, so the program is written out: each
// of 100 actors sends 5 messages to the next, all in flight at once.
const lines = ["loop(N) ->", "    receive", "        {hello, _} -> loop(N + 1)", "    end.", "", "sender(To) ->", "    To ! {hello, 1},", "    To ! {hello, 2},", "    To ! {hello, 3},", "    To ! {hello, 4},", "    To ! {hello, 5},", "    loop(0).", "", "main() ->"];
for (let i = 0; i < actors; i++) lines.push(`    P${i} = spawn(fun() -> loop(0) end),`);
for (let i = 0; i < actors; i++) lines.push(`    spawn(fun() -> sender(P${i}) end),`);
lines.push("    ok.");
void program;
const source = lines.join("\n") + "\n";
const stepTimes = [];
let inFlight = 0;
{
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/playground`);
  await page.locator("main h1").waitFor();
  await page.getByLabel("Dialect").selectOption("erlang");
  await page.getByLabel("Program source").fill(source);
  await page.getByLabel(/Network mode/).check();
  await page.getByRole("button", { name: "Run ▶" }).click();
  await page.locator("section.panel").waitFor();
  // Send every message: 200 spawns then 500 sends put 500 messages in flight.
  const step = page.getByRole("button", { name: "Step ▶" });
  await page.evaluate(async () => {
    const btn = [...document.querySelectorAll(".controls button")].find((b) => b.textContent.startsWith("Step"));
    for (let i = 0; i < 701; i++) {
      btn.click();
      await new Promise((r) => setTimeout(r, 0));
    }
  });
  void step;
  inFlight = await page.evaluate(() => Number((document.querySelector(".panel-status")?.textContent ?? "").match(/\d+/)?.[0] ?? 0));
  for (let i = 0; i < 60; i++) {
    const ms = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const status = document.querySelector(".narration-now");
          const btn = [...document.querySelectorAll(".controls button")].find((b) => b.textContent.startsWith("Step"));
          const obs = new MutationObserver(() => {
            obs.disconnect();
            resolve(performance.now() - t0);
          });
          obs.observe(status, { characterData: true, childList: true, subtree: true });
          const t0 = performance.now();
          btn.click();
        }),
    );
    stepTimes.push(ms);
  }
  await page.close();
}

// 3. Longest task while the compare page plays for 6 seconds at top speed.
let longest = 0;
let longTasks = 0;
{
  const page = await browser.newPage();
  await page.goto(`${base}/compare`);
  await page.locator("section.panel").first().waitFor();
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => e.duration))).observe({ type: "longtask", buffered: false });
  });
  await page.locator('input[type="range"]').first().fill("4");
  await page.getByRole("button", { name: /Play/ }).click();
  await page.waitForTimeout(6000);
  const tasks = await page.evaluate(() => window.__long);
  longTasks = tasks.length;
  longest = tasks.length ? Math.max(...tasks) : 0;
  await page.close();
}

// 4. Explorer time to a complete exploration, each program alone in the playground.
const lesson = readFileSync(readdirSync("lessons").map((f) => `lessons/${f}`).find((f) => f.includes("same-counter")), "utf8");
const block = (id) => {
  const m = lesson.match(new RegExp("```sim (\\w+) id=" + id + "[^\\n]*\\n([\\s\\S]*?)```"));
  return { dialect: m[1], source: m[2] };
};
const explored = {};
for (const id of ["actor-counter", "csp-counter"]) {
  const { dialect, source } = block(id);
  explored[id] = { times: [], figures: "" };
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.newPage();
    await page.goto(`${base}/playground`);
    await page.locator("main h1").waitFor();
    await page.getByLabel("Dialect").selectOption(dialect);
    await page.getByLabel("Program source").fill(source);
    await page.getByRole("button", { name: "Run ▶" }).click();
    await page.locator("section.panel").waitFor();
    const ms = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const btn = [...document.querySelectorAll("button")].find((b) => b.textContent === "Explore all schedules");
          const obs = new MutationObserver(() => {
            if (document.querySelector(".histogram")) {
              obs.disconnect();
              resolve(performance.now() - t0);
            }
          });
          obs.observe(document.body, { childList: true, subtree: true });
          const t0 = performance.now();
          btn.click();
        }),
    );
    explored[id].times.push(ms);
    explored[id].figures = await page.locator(".explore-figures").textContent();
    await page.close();
  }
}

await browser.close();
server.kill();

const wasm = readdirSync("dist").find((f) => f.endsWith(".wasm"));
const raw = readFileSync(`dist/${wasm}`);
const f = (x) => `${x.toFixed(1)} ms`;
console.log("Switchboard in headless Chromium (medians; the machine is shared and noisy)");
console.log(`  navigation → interactive compare page   median ${f(median(interactive))} of ${RUNS} loads (min ${f(Math.min(...interactive))}, max ${f(Math.max(...interactive))})`);
console.log(`  step click → DOM updated (100 actors, ${inFlight} steps taken, 500 msgs in flight)   median ${f(median(stepTimes))}, p95 ${f(pct(stepTimes, 95))} over ${stepTimes.length} steps`);
console.log(`  longest task while playing the compare page (6 s, fastest speed)   ${longTasks ? f(longest) : "none over 50 ms"} (${longTasks} long tasks)`);
for (const [id, { times, figures }] of Object.entries(explored)) {
  console.log(`  explore ${id} to a complete exploration   median ${f(median(times))} of ${times.length} (min ${f(Math.min(...times))}, max ${f(Math.max(...times))}): ${figures}`);
}
console.log(`  wasm   ${raw.length} B raw, ${gzipSync(raw, { level: 9 }).length} B gzip`);
