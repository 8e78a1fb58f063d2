// Where a wasm module's bytes go: its sections, and its code by crate, read
// from the function names the linker wrote (the `name` section). Run it on a
// module that still has names, the linker's output before wasm-opt strips
// them:
//
//   node scripts/wasm-sizes.mjs target/wasm32-unknown-unknown/release/switchboard-app.wasm [TOP]
//
// The code figures are bytes of function bodies before wasm-opt, so they add
// up to more than the shipped module; their shares are what to read. Data
// (string constants, tables) is counted per section, not per crate.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const file = process.argv[2];
const top = Number(process.argv[3] ?? 25);
if (!file) {
  console.error("usage: node scripts/wasm-sizes.mjs MODULE.wasm [TOP]");
  process.exit(1);
}
const buf = readFileSync(file);
let pos = 8;
// Reads an unsigned LEB128 at `pos`, moving past it.
const uleb = () => {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = buf[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    if (!(byte & 0x80)) return result;
    shift += 7;
  }
};
const sectionNames = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "datacount"];
const sections = [];
let bodies = [];
let imported = 0;
const names = new Map();
while (pos < buf.length) {
  const id = buf[pos++];
  const size = uleb();
  const start = pos;
  let label = sectionNames[id] ?? `section ${id}`;
  if (id === 0) {
    const len = uleb();
    label = `custom "${buf.subarray(pos, pos + len).toString()}"`;
    if (label === 'custom "name"') {
      pos += len;
      while (pos < start + size) {
        const sub = buf[pos++];
        const subSize = uleb();
        const subEnd = pos + subSize;
        if (sub === 1) {
          const count = uleb();
          for (let i = 0; i < count; i++) {
            const index = uleb();
            const n = uleb();
            names.set(index, buf.subarray(pos, pos + n).toString());
            pos += n;
          }
        }
        pos = subEnd;
      }
    }
  } else if (id === 2) {
    const count = uleb();
    for (let i = 0; i < count; i++) {
      for (let j = 0; j < 2; j++) pos += uleb(); // module and field names
      const kind = buf[pos++];
      if (kind === 0) {
        imported++;
        uleb();
      } else if (kind === 1) {
        pos++;
        const flags = uleb();
        uleb();
        if (flags & 1) uleb();
      } else if (kind === 2) {
        const flags = uleb();
        uleb();
        if (flags & 1) uleb();
      } else pos += 2;
    }
  } else if (id === 10) {
    const count = uleb();
    for (let i = 0; i < count; i++) {
      const len = uleb();
      bodies.push(len);
      pos += len;
    }
  }
  sections.push({ label, size });
  pos = start + size;
}

// The crate a function belongs to: the first path segment of its name, looking
// through `<T as Trait>` to T, and through generic wrappers to the innermost
// crate named in them (a `core::ptr::drop_in_place<sim::World>` is sim's).
const crates = ["std", "core", "alloc"];
// Legacy Rust mangling (`_ZN3sim5world...E`) is turned back into a path first;
// for v0 mangling (`_R...`) the crate names are its `Cs…_<len><name>` parts.
const demangle = (name) => {
  if (name.startsWith("_R")) return [...name.matchAll(/C[sa-zA-Z0-9]*?_?(\d+)([a-z_][a-z0-9_]*)/g)].map((m) => m[2].slice(0, Number(m[1]))).join("::") + "::";
  if (!name.startsWith("_ZN")) return name;
  const parts = [];
  let i = 3;
  while (i < name.length && name[i] !== "E") {
    const m = name.slice(i).match(/^(\d+)/);
    if (!m) break;
    i += m[1].length;
    parts.push(name.slice(i, i + Number(m[1])));
    i += Number(m[1]);
  }
  const decode = { LT: "<", GT: ">", C: ",", RF: "&", BP: "*", u20: " ", u7b: "{", u7d: "}", u5b: "[", u5d: "]", u27: "'", LP: "(", RP: ")" };
  return parts
    .map((p) => p.replace(/\$([A-Za-z0-9]+)\$/g, (_, c) => decode[c] ?? "").replaceAll("..", "::").replace(/^_</, "<"))
    .join("::");
};
// The crates: every first path segment some function name starts with.
const firstSegment = (raw) => demangle(raw).replace(/^</, "").match(/^([a-z_][a-z0-9_]*)::/)?.[1];
const known = new Set([...names.values()].map(firstSegment).filter(Boolean));
const crateOf = (raw) => {
  if (!raw) return "(no name)";
  const name = demangle(raw);
  const paths = [...name.matchAll(/([a-z_][a-z0-9_]*)::/g)].map((m) => m[1]).filter((p) => known.has(p));
  if (!paths.length) return "(runtime, js glue)";
  const own = paths.find((p) => !crates.includes(p));
  return own ?? "core/alloc/std";
};
const byCrate = new Map();
const funcs = bodies.map((size, i) => ({ size, name: names.get(imported + i) ?? "" }));
for (const { size, name } of funcs) {
  const c = crateOf(name);
  const e = byCrate.get(c) ?? { size: 0, count: 0 };
  e.size += size;
  e.count++;
  byCrate.set(c, e);
}
const code = bodies.reduce((a, b) => a + b, 0);
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(10);
const share = (n, of) => `${((100 * n) / of).toFixed(1)} %`.padStart(7);
console.log(`${file}: ${buf.length} B raw, ${gzipSync(buf, { level: 9 }).length} B gzip`);
console.log("Sections:");
for (const s of sections.sort((a, b) => b.size - a.size)) console.log(`  ${s.label.padEnd(30)}${kb(s.size)}${share(s.size, buf.length)}`);
console.log(`Code by crate (${funcs.length} functions, ${kb(code).trim()} of bodies):`);
for (const [c, { size, count }] of [...byCrate].sort((a, b) => b[1].size - a[1].size).slice(0, top)) {
  console.log(`  ${c.padEnd(30)}${kb(size)}${share(size, code)}  ${count} functions`);
}
console.log(`Largest functions:`);
for (const { size, name } of [...funcs].sort((a, b) => b.size - a.size).slice(0, top)) {
  console.log(`  ${kb(size)}  ${demangle(name).replace(/::h[0-9a-f]{16}$/, "").slice(0, 140)}`);
}
