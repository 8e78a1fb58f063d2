// The stage shows Erlang links and exit signals: a supervisor links to a worker, the
// worker crashes, its exit signal travels to the supervisor, which restarts it.
// Screenshots in light and dark, at desktop and phone widths.
import { test, expect } from "@playwright/test";
import { SHOTS, waitForApp } from "./support.mjs";

const SOURCE = `-module(sup).
-export([start/0, worker/1]).

worker(N) ->
    receive
        {work, X} when X > 0 ->
            io:format("worker ~p did ~p~n", [N, X]),
            worker(N);
        {work, _} ->
            exit(bad_job)
    end.

start() ->
    process_flag(trap_exit, true),
    W = spawn_link(sup, worker, [1]),
    W ! {work, 5},
    W ! {work, 0},
    receive
        {'EXIT', W, Reason} ->
            io:format("worker died: ~p, restarting~n", [Reason]),
            W2 = spawn_link(sup, worker, [2]),
            W2 ! {work, 7},
            timer:sleep(10)
    end.
`;

for (const scheme of ["light", "dark"]) {
  for (const width of [1280, 390]) {
    test(`a link and an exit signal on the stage (${scheme}, ${width}px)`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height: width > 600 ? 900 : 844 });
      await page.goto("/playground");
      await waitForApp(page);
      await page.locator(".pg-toolbar select").selectOption("erlang");
      await page.getByLabel("Program source").fill(SOURCE);
      await page.getByRole("button", { name: "Run ▶" }).click();
      // The controls sit above the panel, in the single-simulation wrapper.
      const panel = page.locator(".sim-single").first();
      const step = panel.getByRole("button", { name: "Step ▶" });
      // Step until the supervisor has linked to the worker: an arc joins their cards.
      const link = panel.locator(".stage .link");
      for (let i = 0; i < 60 && (await link.count()) === 0; i++) await step.click();
      await expect(link).toHaveCount(1);
      await expect(link.locator("title")).toHaveText(/worker/);
      await panel.screenshot({ path: `${SHOTS}/erlang-linked-${scheme}-${width}.png` });
      // Step until the worker's exit signal is on its way; the link ended with the worker.
      const inFlight = panel.locator(".stage .envelope.signal");
      for (let i = 0; i < 60 && (await inFlight.count()) === 0; i++) await step.click();
      await expect(inFlight).toHaveCount(1);
      await expect(link).toHaveCount(0);
      await expect(inFlight.locator("title")).toHaveText(/exit signal from worker to .*: bad_job/);
      await panel.scrollIntoViewIfNeeded();
      await panel.screenshot({ path: `${SHOTS}/erlang-signal-in-flight-${scheme}-${width}.png` });
      // Deliver it: the signal flies to the supervisor's mailbox as a red badge.
      const token = panel.locator(".stage .token-signal");
      for (let i = 0; i < 10 && (await token.count()) === 0; i++) await step.click();
      await expect(token).toHaveCount(1);
      await expect(panel.locator(".narration-now")).toContainText("exit signal");
      await panel.screenshot({ path: `${SHOTS}/erlang-signal-delivered-${scheme}-${width}.png` });
      // The restarted worker is linked again.
      for (let i = 0; i < 60 && (await panel.locator(".stage .link").count()) === 0; i++) await step.click();
      await expect(panel.locator(".stage .link")).toHaveCount(1);
      await panel.screenshot({ path: `${SHOTS}/erlang-restarted-${scheme}-${width}.png` });
    });
  }
}
