// Fills the CSP placeholder in the built index.html with the sha256 hash of
// every inline <script> Trunk wrote, so the policy allows exactly those and
// nothing else. Runs as a Trunk post_build hook.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const PLACEHOLDER = "__TRUNK_INLINE_SCRIPT_HASHES__";
const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("csp-hash: TRUNK_STAGING_DIR is not set; run this as a Trunk hook");
  process.exit(1);
}
const file = join(dir, "index.html");
const html = readFileSync(file, "utf8");
if (!html.includes(PLACEHOLDER)) {
  console.error(`csp-hash: ${file} has no ${PLACEHOLDER} in its Content-Security-Policy`);
  process.exit(1);
}
const hashes = [];
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  if (/\bsrc\s*=/.test(m[1])) continue;
  const digest = createHash("sha256").update(m[2], "utf8").digest("base64");
  hashes.push(`'sha256-${digest}'`);
}
writeFileSync(file, html.replace(PLACEHOLDER, hashes.join(" ")));
console.log(`csp-hash: allowed ${hashes.length} inline script(s) by hash`);
