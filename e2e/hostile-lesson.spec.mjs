// A hostile lesson typed into the Studio: script tags, on*= attributes, unsafe link and
// image addresses and SVG payloads. Nothing may run and nothing may be fetched from
// anywhere but the app's own origin; the words stay readable as text.
import { test, expect } from "@playwright/test";
import { waitForApp } from "./support.mjs";

// Every payload sets window.__pwned (to its own number) or opens a dialog if it runs.
const HOSTILE_PROSE = `
## Hostile end marker

<script>window.__pwned = 1; alert("script tag")</script>

<img src="x" onerror="window.__pwned = 2">

<svg onload="window.__pwned = 3" xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>

<div onmouseover="window.__pwned = 4" id="hover-me">hover over me</div>

<iframe src="javascript:parent.__pwned = 5"></iframe>

<link rel="stylesheet" href="https://evil.example/raw.css"><img src="https://evil.example/raw.png">

Inline <b onclick="window.__pwned = 6">bold</b> and <svg><script>window.__pwned = 7</script></svg> here.

[plain js](javascript:window.__pwned=8) [mixed case](JaVaScRiPt:window.__pwned=9)
[entity](&#106;avascript:window.__pwned=10) [tab](<java\tscript:window.__pwned=11>)
[spaced](&#32;javascript:window.__pwned=12) [vb](vbscript:msgbox\\(1\\))
[html data](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0xMzwvc2NyaXB0Pg==)
[ref link][r] <javascript:window.__pwned=14>

[r]: javascript:window.__pwned=15

![js image](javascript:window.__pwned=16)
![svg image](data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIG9ubG9hZD0iYWxlcnQoMSkiLz4=)
![tracker image](https://evil.example/pixel.png) ![protocol relative](//evil.example/p.png)

[a safe link](https://example.org/ok)
`;

test("a hostile lesson in the Studio preview runs nothing and fetches nothing", async ({ page, baseURL }) => {
  const origin = new URL(baseURL).origin;
  const outside = [];
  const dialogs = [];
  page.on("request", (request) => {
    const url = request.url();
    // data: URLs are inline; everything else must come from the app's origin.
    if (!url.startsWith("data:") && new URL(url).origin !== origin) outside.push(url);
  });
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });

  await page.goto("/studio");
  await waitForApp(page);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await waitForApp(page);
  const editor = page.getByLabel("Lesson file (Markdown with TOML front matter)");
  const template = await editor.inputValue();
  const hostile = template.replace(
    /definition = ".*"/,
    `definition = "Lost. [js](javascript:window.__pwned=17) <img src=x onerror=window.__pwned=18>"`,
  ) + HOSTILE_PROSE;
  expect(hostile).toContain("window.__pwned=17");
  await editor.fill(hostile);

  const preview = page.locator(".st-preview");
  await expect(preview.getByRole("heading", { name: "Hostile end marker" })).toBeVisible();
  // The raw HTML is shown as text, and the neutralised links keep their words.
  await expect(preview).toContainText('<script>window.__pwned = 1; alert("script tag")</script>');
  await expect(preview).toContainText("plain js");
  await expect(preview).toContainText("svg image");
  await expect(preview).toContainText("tracker image");
  await expect(preview.locator("dd")).toContainText("<img src=x onerror=window.__pwned=18>");

  // Hover and click where the payloads sit, then give load and error handlers time to fire.
  await preview.getByText("hover over me").hover();
  await preview.getByText("plain js").click();
  await preview.getByText("mixed case").click();
  await page.waitForTimeout(500);

  const found = await preview.evaluate((root) => {
    const bad = [];
    for (const el of root.querySelectorAll("*")) {
      const tag = el.tagName.toLowerCase();
      // The preview draws its own SVG for the program's stage; only the lesson's
      // rendered Markdown (prose and glossary) must hold no markup of its own.
      const authored = el.closest(".prose, dd") !== null;
      if (authored && ["script", "svg", "iframe", "object", "embed", "link", "style", "base", "form"].includes(tag)) bad.push(`<${tag}>`);
      for (const attr of el.attributes) {
        if (attr.name.toLowerCase().startsWith("on")) bad.push(`${tag}[${attr.name}]`);
      }
      if (tag === "script" || tag === "iframe") bad.push(`<${tag}> anywhere`);
      if (tag === "a" && el.hasAttribute("href") && !["http:", "https:", "mailto:"].includes(el.protocol)) bad.push(`a[href=${el.getAttribute("href")}]`);
      if (authored && tag === "img") bad.push(`img[src=${el.getAttribute("src")}]`);
    }
    return bad;
  });
  expect(found).toEqual([]);
  // The one safe link is still a link.
  await expect(preview.getByRole("link", { name: "a safe link" })).toHaveAttribute("href", "https://example.org/ok");

  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(outside).toEqual([]);
});
