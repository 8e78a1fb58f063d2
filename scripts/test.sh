#!/usr/bin/env bash
# Runs every test layer in order and stops at the first failure, naming it.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER=/usr/bin/chromedriver
export CARGO_TERM_COLOR=never

logs=target/test-logs
mkdir -p "$logs"
summary=()
started=$SECONDS

# Runs one layer, keeps its log, and fails the run with the layer's name.
layer() {
  local name=$1 slug=$2
  shift 2
  local t0=$SECONDS
  printf '\n\033[1m==> %s\033[0m\n' "$name"
  if "$@" 2>&1 | tee "$logs/$slug.log"; then
    summary+=("$(printf '%-34s ok   %4ss  %s' "$name" $((SECONDS - t0)) "$(count "$slug")")")
  else
    printf '\n\033[31mFAILED: %s\033[0m (log: %s)\n' "$name" "$logs/$slug.log" >&2
    exit 1
  fi
}

# How many tests a layer ran, read from its log.
count() {
  case $1 in
    native|wasm)
      awk '/^test result:/ { for (i = 1; i <= NF; i++) if ($(i) ~ /^passed;?$/) p += $(i-1) } END { printf "%d tests passed", p }' "$logs/$1.log" ;;
    e2e)
      grep -Eo '[0-9]+ passed' "$logs/$1.log" | tail -n1 | awk '{ printf "%d tests passed", $1 }' ;;
    *) echo "" ;;
  esac
}

layer "format (cargo fmt --check)" fmt cargo fmt --all -- --check
layer "lint (cargo clippy -D warnings)" clippy cargo clippy --workspace --all-targets -- -D warnings
layer "native tests (cargo test)" native cargo test --workspace
# Every fuzz target for 5 s on its seed corpus (nightly; fuzz.sh installs what is missing).
layer "fuzz smoke (5 s per target)" fuzz bash scripts/fuzz.sh --smoke
# Every tests/web_*.rs file is a browser test target.
web_tests=()
for f in tests/web_*.rs; do web_tests+=(--test "$(basename "$f" .rs)"); done
layer "browser tests (wasm-bindgen-test)" wasm cargo test --target wasm32-unknown-unknown -p switchboard "${web_tests[@]}"
layer "release build (trunk build)" build trunk build --release --offline
layer "end-to-end tests (Playwright)" e2e npx playwright test
layer "bundle size" size node scripts/size-report.mjs dist

printf '\n\033[1mAll layers passed in %ss\033[0m\n' $((SECONDS - started))
printf '  %s\n' "${summary[@]}"
echo
cat "$logs/size.log"
