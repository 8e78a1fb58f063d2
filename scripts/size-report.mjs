// Prints the raw and gzip sizes of the built .wasm and .js files, then the initial
// chunk (what index.html loads before the first page runs) and the total. Chunks
// loaded later on demand count only in the total.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const dir = process.argv[2] ?? "dist";
const files = readdirSync(dir).filter((f) => f.endsWith(".wasm") || f.endsWith(".js"));
if (files.length === 0) {
  console.error(`size-report: no .wasm or .js in ${dir}`);
  process.exit(1);
}
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const line = (label, raw, gz) =>
  `  ${label}`.padEnd(28) + `${String(raw).padStart(9)} B (${kb(raw)})  ${String(gz).padStart(8)} B (${kb(gz)})`;

// The page names its loader script; the loader names the main wasm. Everything the
// loader or the page names is initial, whatever else sits in dist/ loads later.
const index = existsSync(join(dir, "index.html")) ? readFileSync(join(dir, "index.html"), "utf8") : "";
const named = (f) => index.includes(f) || files.some((g) => g.endsWith(".js") && index.includes(g) && readFileSync(join(dir, g), "utf8").includes(f));

console.log("Bundle size (raw / gzip -9):");
const sum = { initial: [0, 0], total: [0, 0] };
for (const f of files.sort()) {
  const raw = readFileSync(join(dir, f));
  const gz = gzipSync(raw, { level: 9 }).length;
  console.log(line(f.replace(/-[0-9a-f]+(?=\.|_bg)/, ""), raw.length, gz));
  // Without an index.html (a bare folder of modules) everything counts as initial.
  const initial = index === "" || named(f);
  for (const key of initial ? ["initial", "total"] : ["total"]) {
    sum[key][0] += raw.length;
    sum[key][1] += gz;
  }
}
console.log(line("initial chunk (wasm + js)", ...sum.initial));
console.log(line("total (wasm + js)", ...sum.total));
