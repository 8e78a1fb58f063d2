// The app shell: it loads under its CSP, the nav reaches every area, unknown
// addresses get the not-found page, and both colour schemes render.
import { test, expect } from "@playwright/test";
import { SHOTS, waitForApp, watchErrors } from "./support.mjs";

const ROUTES = [
  { label: "Lessons", path: "/", heading: "Lessons" },
  { label: "Compare", path: "/compare", heading: "Compare" },
  { label: "Playground", path: "/playground", heading: "Playground" },
  { label: "Quiz", path: "/quiz", heading: "Quiz" },
  { label: "Studio", path: "/studio", heading: "Studio" },
];

test("the shell loads with a title, header and nav, and no errors", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto("/");
  await waitForApp(page);
  await expect(page).toHaveTitle(/Switchboard/);
  await expect(page.locator(".brand-name")).toHaveText("Switchboard");
  await expect(page.locator("nav.nav a")).toHaveText(ROUTES.map((r) => r.label));
  expect(errors).toEqual([]);
});

for (const scheme of ["light", "dark"]) {
  test(`the nav reaches every page (${scheme})`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/");
    await waitForApp(page);
    for (const route of ROUTES) {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: route.label }).click();
      await expect(page).toHaveURL(new RegExp(`${route.path}$`));
      await expect(page.locator("main h1")).toHaveText(route.heading);
      await expect(page.locator(`nav.nav a[aria-current="page"]`)).toHaveText(route.label);
      const name = route.label.toLowerCase();
      await page.screenshot({ path: `${SHOTS}/shell-${name}-${scheme}.png`, fullPage: true });
    }
    expect(errors).toEqual([]);
  });
}

test("the dark scheme really changes the page colours", async ({ page }) => {
  await page.goto("/");
  await waitForApp(page);
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: "light" });
  const light = await bg();
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = await bg();
  expect(light).not.toEqual(dark);
});

test("an unknown address shows the not-found page with a way back", async ({ page }) => {
  await page.goto("/no/such/page");
  await waitForApp(page);
  await expect(page.locator("main h1")).toHaveText("Page not found");
  await page.screenshot({ path: `${SHOTS}/shell-not-found.png`, fullPage: true });
  await page.getByRole("link", { name: "Go to the lessons" }).click();
  await expect(page.locator("main h1")).toHaveText("Lessons");
});

test("a deep link loads its page directly", async ({ page }) => {
  await page.goto("/compare");
  await waitForApp(page);
  await expect(page.locator("main h1")).toHaveText("Compare");
});
