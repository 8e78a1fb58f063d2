// Helpers shared by the end-to-end specs.
import { mkdirSync } from "node:fs";

/** Where screenshots go; git ignores it. */
export const SHOTS = "e2e/screenshots";
mkdirSync(SHOTS, { recursive: true });

/**
 * Records console errors, page errors and CSP violations, so a spec can
 * assert that a page ran cleanly.
 */
export function watchErrors(page) {
  const errors = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`page: ${err.message}`));
  return errors;
}

/** Waits until the wasm app has mounted its shell. */
export async function waitForApp(page) {
  await page.locator("header.site-header").waitFor();
}
