// Measures the app in headless Chromium through the browser's own performance
// APIs. A measurement, not a test: it prints figures and never fails on them.
//
//   node scripts/perf.mjs            (after `trunk build --release`)
//
// 1. navigation to an interactive compare page (Step enabled, four panels);
// 2. Step click to the app's work done (the click's task and every task and
//    microtask it queued) and to the next frame presented, median and p95, on
//    the compare page, on the first panel of the shared-memory lesson, and on
//    a program of 100 actors with 500 messages in flight (network mode);
// 3. the long tasks (over 50 ms) and the longest while the compare page plays
//    at top speed for 6 s;
// 4. the explorer, Explore click to histogram shown (a complete exploration),
//    for the lesson's actor counter and channel counter, each alone in the
//    playground, median and spread of RUNS runs;
// 5. the wasm size, raw and gzip (and the JS glue's);
// 6. with PERF_PROFILE=1, where 20 steps' CPU time goes (see profileSteps).
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

// One timed Step click inside `scope` (a CSS selector, or the whole page).
// `work`: until a message posted after the click is delivered, which is after
// the click's task and every microtask (Leptos effects) it queued. `frame`:
// until the frame after that work has been rendered (style, layout, paint).
const timeStep = (page, scope) =>
  page.evaluate(
    (scope) =>
      new Promise((resolve) => {
        const root = scope ? document.querySelector(scope) : document;
        const btn = [...root.querySelectorAll(".controls button")].find((b) => b.textContent.startsWith("Step"));
        const after = (f) => {
          const ch = new MessageChannel();
          ch.port1.onmessage = f;
          ch.port2.postMessage(0);
        };
        performance.clearMeasures();
        const t0 = performance.now();
        btn.click();
        after(() => {
          const work = performance.now() - t0;
          // The app's own `step: …` measures (src/components/panel/timing.rs), summed by phase.
          const phases = {};
          for (const m of performance.getEntriesByType("measure")) phases[m.name] = (phases[m.name] ?? 0) + m.duration;
          requestAnimationFrame(() => after(() => resolve({ work, frame: performance.now() - t0, phases })));
        });
      }),
    scope,
  );
// Whether the Step button in `scope` is enabled.
const canStep = (page, scope) =>
  page.evaluate((scope) => {
    const root = scope ? document.querySelector(scope) : document;
    const btn = [...root.querySelectorAll(".controls button")].find((b) => b.textContent.startsWith("Step"));
    return !btn.disabled;
  }, scope);
// `STEPS` timed steps in `scope`, resetting (untimed) whenever the run ends.
const STEPS = Number(process.env.PERF_STEPS ?? 60);
async function timeSteps(page, scope) {
  const work = [];
  const frame = [];
  const phases = [];
  for (let i = 0; i < STEPS; i++) {
    if (!(await canStep(page, scope))) {
      await page.locator(`${scope ?? ""} .controls button`.trim()).filter({ hasText: "Reset" }).first().click();
      await page.waitForTimeout(50);
    }
    const t = await timeStep(page, scope);
    work.push(t.work);
    frame.push(t.frame);
    phases.push(t.phases);
  }
  return { work, frame, phases };
}
const steps = {};

// With PERF_PROFILE=1: a CPU profile (Chromium's sampling profiler through
// CDP) of 20 more steps on a target, summed by where the self time went: the
// app's wasm, the JS glue that calls the DOM (by function: each names the DOM
// call it wraps), and the browser's own work (style, layout, GC). With
// PERF_PROFILE_NAMES=1 the wasm is split by function, which needs a module
// that kept its names (wasm-bindgen --keep-debug, wasm-opt -g).
const PROFILE = process.env.PERF_PROFILE === "1";
const profiles = {};
async function profileSteps(page, scope, name) {
  if (!PROFILE) return;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  for (let i = 0; i < 20; i++) {
    if (!(await canStep(page, scope))) break;
    await timeStep(page, scope);
  }
  const { profile } = await cdp.send("Profiler.stop");
  await cdp.detach();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const { functionName, url } = node.callFrame;
    if (functionName === "(idle)" || functionName === "(program)") return;
    const wasm = url.startsWith("wasm://") || functionName.startsWith("wasm-function[") || url.endsWith(".wasm");
    const where = wasm ? (process.env.PERF_PROFILE_NAMES === "1" ? `wasm ${functionName}` : "wasm (the app's Rust)") : url.endsWith(".js") ? `js glue ${functionName || "(anonymous)"}` : functionName || "(anonymous)";
    self.set(where, (self.get(where) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  profiles[name] = [...self].sort((a, b) => b[1] - a[1]);
}

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

// 2a. Step latency on the compare page and on a lesson panel.
{
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/compare`);
  await page.locator("section.panel").nth(3).waitFor();
  steps["compare page (4 panels)"] = await timeSteps(page, null);
  await profileSteps(page, null, "compare page");
  await page.goto(`${base}/lessons/shared-memory`);
  await page.locator(".sim-single section.panel").first().waitFor();
  steps["lesson panel (shared-memory, first)"] = await timeSteps(page, ".sim-single");
  await page.close();
}

// 2b. Step latency on 100 actors with 500 messages in flight.
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
  const t = { work: [], frame: [], phases: [] };
  for (let i = 0; i < STEPS; i++) {
    const one = await timeStep(page, null);
    t.work.push(one.work);
    t.frame.push(one.frame);
    t.phases.push(one.phases);
  }
  steps[`100 actors, 500 msgs in flight (from step ${inFlight})`] = t;
  await profileSteps(page, null, "100 actors");
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
const glue = readFileSync(`dist/${readdirSync("dist").find((f) => f.endsWith(".js"))}`);
const f = (x) => `${x.toFixed(1)} ms`;
console.log("Switchboard in headless Chromium (medians; the machine is shared and noisy)");
console.log(`  navigation → interactive compare page   median ${f(median(interactive))} of ${RUNS} loads (min ${f(Math.min(...interactive))}, max ${f(Math.max(...interactive))})`);
for (const [name, { work, frame, phases }] of Object.entries(steps)) {
  console.log(`  step click → work done, ${name}   median ${f(median(work))}, p95 ${f(pct(work, 95))}, max ${f(Math.max(...work))}; → next frame median ${f(median(frame))}, p95 ${f(pct(frame, 95))} over ${work.length} steps`);
  // Where the work went: each phase's median and p95 per step; the rest is
  // the reactive graph and the DOM (creating, diffing and inserting nodes).
  const names = [...new Set(phases.flatMap((p) => Object.keys(p)))].sort();
  if (names.length) {
    const rest = work.map((w, i) => w - Object.values(phases[i]).reduce((a, b) => a + b, 0));
    const parts = names.map((n) => {
      const xs = phases.map((p) => p[n] ?? 0);
      return `${n.replace("step: ", "")} ${f(median(xs))} (p95 ${f(pct(xs, 95))})`;
    });
    console.log(`      phases: ${parts.join(", ")}, rest ${f(median(rest))} (p95 ${f(pct(rest, 95))})`);
  }
}
console.log(`  playing the compare page (6 s, fastest speed)   ${longTasks} long tasks over 50 ms, longest ${longTasks ? f(longest) : "none"}`);
for (const [id, { times, figures }] of Object.entries(explored)) {
  console.log(`  explore ${id} to a complete exploration   median ${f(median(times))} of ${times.length} (min ${f(Math.min(...times))}, max ${f(Math.max(...times))}): ${figures}`);
}
console.log(`  wasm   ${raw.length} B raw, ${gzipSync(raw, { level: 9 }).length} B gzip; js glue ${glue.length} B raw, ${gzipSync(glue, { level: 9 }).length} B gzip`);
for (const [name, parts] of Object.entries(profiles)) {
  const total = parts.reduce((a, [, ms]) => a + ms, 0);
  console.log(`  profile of 20 steps, ${name}: ${f(total)} busy; ` + parts.slice(0, 12).map(([w, ms]) => `${w} ${((100 * ms) / total).toFixed(0)} %`).join(", "));
}
