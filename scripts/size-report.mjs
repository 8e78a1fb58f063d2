// Prints the raw and gzip sizes of the built .wasm and .js files.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const dir = process.argv[2] ?? "dist";
const files = readdirSync(dir).filter((f) => f.endsWith(".wasm") || f.endsWith(".js"));
if (files.length === 0) {
  console.error(`size-report: no .wasm or .js in ${dir}`);
  process.exit(1);
}
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log("Bundle size (raw / gzip -9):");
for (const f of files.sort()) {
  const raw = readFileSync(join(dir, f));
  const gz = gzipSync(raw, { level: 9 }).length;
  console.log(`  ${f.replace(/-[0-9a-f]+(?=\.|_bg)/, "")}`.padEnd(28) + `${String(raw.length).padStart(9)} B (${kb(raw.length)})  ${String(gz).padStart(8)} B (${kb(gz)})`);
}
