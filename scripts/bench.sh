#!/usr/bin/env bash
# `make bench`: the side-by-side benchmarks of docs/performance.md, in one run.
#
# Installs what is missing (Erlang and Go from Debian, and through scripts/setup.sh the wasm
# tools and Chromium), builds every runner, then runs each measurement RUNS times. The runs go
# in rounds (every runner once per round), so a noisy neighbour slows all of them alike rather
# than one; the table quotes medians. Nothing here passes or fails on time.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
NODES=1000
LAPS=1000
out=target/bench
examples=${CARGO_TARGET_DIR:-target}/release/examples
# The explorer and loom: the workspace's `native` profile (opt-level 3, unwinding).
native_examples=${CARGO_TARGET_DIR:-target}/native/examples
results=$out/results.txt

step_no=0
steps=5
say() { printf '\033[1m[bench]\033[0m %s\n' "$*"; }
step() {
  step_no=$((step_no + 1))
  step_started=$SECONDS
  say "($step_no/$steps) $*"
}
done_step() { say "      $* ($((SECONDS - step_started)) s)"; }
fail() { printf '\033[31m[bench] error:\033[0m %s\n' "$*" >&2; exit 1; }

export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never
command -v cargo >/dev/null || fail "cargo is not on PATH; install Rust with rustup first"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else fail "need root (or sudo) to run: $*"
  fi
}

step "tools: Erlang and Go (Debian packages), wasm target, wasm-bindgen-test-runner, Chromium"
missing=()
command -v erl >/dev/null && command -v erlc >/dev/null || missing+=(erlang-base)
command -v go >/dev/null || missing+=(golang-go)
if [ ${#missing[@]} -eq 0 ]; then
  say "      erlang-base and golang-go already installed"
else
  say "      installing ${missing[*]} with apt-get"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi
if rustup target list --installed | grep -qx wasm32-unknown-unknown \
  && command -v wasm-bindgen-test-runner >/dev/null \
  && [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  say "      wasm32 target, wasm-bindgen-test-runner and Chromium already installed"
else
  say "      the browser side is incomplete: running scripts/setup.sh"
  bash scripts/setup.sh
fi
erl_version=$(erl -noshell -eval 'io:format("~s", [erlang:system_info(otp_release)]), halt().')
go_version=$(go env GOVERSION)
chromium_version=$(/usr/bin/chromium --version 2>/dev/null | awk '{ print $2 }')
done_step "Erlang/OTP $erl_version, $go_version, Chromium $chromium_version"

step "build: the simulator's runners (release), the wasm test, ring.erl and ring.go"
mkdir -p "$out"
# The workspace release profile, the one the app ships with, for the ring native and in wasm.
cargo build --release -p switchboard-benches --example ring
say "      native ring built"
# loom runs its threads as coroutines that it cancels by unwinding, so it cannot run under the
# release profile's panic = "abort"; both explorers are built with the native profile
# (opt-level 3, panic = "unwind"), the one for native tools, to be compared alike.
cargo build --profile native -p switchboard-benches --example explore --example loom_counter
say "      explorer and loom runners built (native profile)"
cargo test --release --target wasm32-unknown-unknown -p switchboard-benches \
  --features wasm-bench --test wasm_ring --no-run
say "      wasm ring built"
erlc -o "$out" benches/ring.erl
(cd benches && go build -o "../$out/ring-go" ring.go)
loom_version=$(awk '/^name = "loom"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
done_step "built into $out/"

# Runs one runner, keeps its whole output in target/bench/NAME.log, and appends its
# `result name=... seconds=... work=...` lines to the results; a failing runner stops the run.
measure() {
  local label=$1 log=$out/$1.log line
  shift
  if ! "$@" >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    fail "$label failed (whole output: $log)"
  fi
  grep -o 'result name=.*' "$log" >"$log.results" || fail "$label printed no result (see $log)"
  while IFS= read -r line; do
    echo "$line" >>"$results"
    say "        $(sed -E 's/result name=([^ ]+) seconds=([0-9.]+) work=([0-9]+).*/\1: \2 s, work \3/' <<<"$line")"
  done <"$log.results"
}

step "measure: $RUNS rounds of sim ring, Erlang ring, Go ring, wasm ring, explorer, loom"
: >"$results"
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT=600
for round in $(seq 1 "$RUNS"); do
  say "      round $round of $RUNS"
  measure sim-ring "$examples/ring"
  measure erlang-ring erl -noshell -pa "$out" -run ring main "$NODES" "$LAPS"
  measure go-ring env GOMAXPROCS=1 "$out/ring-go" "$NODES" "$LAPS"
  measure wasm-ring cargo test --release --target wasm32-unknown-unknown \
    -p switchboard-benches --features wasm-bench --test wasm_ring -- --nocapture
  # The runner reads Chromium's flags from the package's webdriver.json (benches/).
  grep -A1 'webdriver.json' "$out/wasm-ring.log" | grep -qx Ok \
    || fail "the wasm runner did not read benches/webdriver.json (see $out/wasm-ring.log)"
  measure explorer "$native_examples/explore"
  measure loom "$native_examples/loom_counter"
done
done_step "$(wc -l <"$results") measurements in $results"

step "check: every measurement ran $RUNS times"
for name in sim-actor-ring sim-channel-ring erlang-ring go-ring wasm-actor-ring \
  wasm-channel-ring explorer explorer-3x3 explorer-actor-counter explorer-csp-counter \
  explorer-pool loom; do
  n=$(grep -c "^result name=$name " "$results" || true)
  [ "$n" -eq "$RUNS" ] || fail "$name ran $n times, not $RUNS (see $results)"
done
done_step "complete"

# The median of a measurement's field (seconds or work) over the rounds.
median() {
  grep "^result name=$1 " "$results" | sed -E "s/.* $2=([0-9.]+).*/\1/" | sort -g \
    | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# Smallest and largest seconds, to show the spread the median hides.
spread() {
  grep "^result name=$1 " "$results" | sed -E 's/.* seconds=([0-9.]+).*/\1/' | sort -g \
    | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print lo; print hi }' | ms | paste -sd-
}
# What a runner noted after `work=N` in its last run (final counts and such).
note() { grep "^result name=$1 " "$results" | tail -n1 | sed -E 's/.* work=[0-9]+ ?//'; }
# Milliseconds, three significant figures at most.
ms() { awk '{ m = $1 * 1000; if (m >= 100) printf "%.0f\n", m; else printf "%.3g\n", m }'; }
secs() { median "$1" seconds | ms; }
rate() { awk -v s="$(median "$1" seconds)" -v h="$(median "$1" work)" 'BEGIN { printf "%.2f M hops/s", h / s / 1e6 }'; }
# States per second: the median and the range of a runner's states_per_second note.
per_second() {
  grep "^result name=$1 " "$results" | sed -E 's/.* states_per_second=([0-9]+).*/\1/' | sort -g \
    | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
        printf "%.0fk/s (%.0f-%.0fk)", m / 1000, v[1] / 1000, v[NR] / 1000 }'
}
# How many times longer the first took than the second, from the medians.
ratio() { awk -v a="$(median "$1" seconds)" -v b="$(median "$2" seconds)" 'BEGIN { printf "%.3gx", a / b }'; }
row() { printf '  %-32s %9s %15s  %-20s %s\n' "$@"; }

step "table"
echo
echo "Switchboard benchmarks, $(date -u +%Y-%m-%d): medians of $RUNS runs, $(nproc) cores, one run of make bench"
echo
row "" "median ms" "min-max ms" "rate or count" "ratio of the medians"
echo "Ring: $NODES processes x $LAPS laps = $((NODES * LAPS)) hops (simulator: full trace on)"
row "simulator, actors (native)" "$(secs sim-actor-ring)" "$(spread sim-actor-ring)" "$(rate sim-actor-ring)"
row "Erlang/OTP $erl_version, erl -noshell" "$(secs erlang-ring)" "$(spread erlang-ring)" "$(rate erlang-ring)" \
  "Erlang is $(ratio sim-actor-ring erlang-ring) faster"
row "simulator, channels (native)" "$(secs sim-channel-ring)" "$(spread sim-channel-ring)" "$(rate sim-channel-ring)"
row "$go_version, GOMAXPROCS=1" "$(secs go-ring)" "$(spread go-ring)" "$(rate go-ring)" \
  "Go is $(ratio sim-channel-ring go-ring) faster"
echo "Explorer vs loom: 2 threads x 3 increments, each a separate load and store"
row "our explorer (distinct states)" "$(secs explorer)" "$(spread explorer)" "$(median explorer work) schedules"
row "loom $loom_version, no bounds" "$(secs loom)" "$(spread loom)" "$(median loom work) executions" \
  "the explorer is $(ratio loom explorer) faster"
echo "Explorer, 3 threads x 3 increments (loom not run: it would walk its executions one by one)"
row "our explorer (distinct states)" "$(secs explorer-3x3)" "$(spread explorer-3x3)" "$(median explorer-3x3 work) schedules"
echo "  states and states/s: 2x3 $(note explorer | sed -E 's/ outcomes=.*//'); 3x3 $(note explorer-3x3 | sed -E 's/ outcomes=.*//')"
echo "Explorer on the course's programs (distinct states; median states/s, and its range over the runs)"
for name in explorer-3x3 explorer-actor-counter explorer-csp-counter explorer-pool; do
  row "${name#explorer-}" "$(secs "$name")" "$(spread "$name")" "$(per_second "$name")"
done
echo "Wasm vs native: the same rings, same profile; wasm in headless Chromium $chromium_version"
row "actors, wasm" "$(secs wasm-actor-ring)" "$(spread wasm-actor-ring)" "$(rate wasm-actor-ring)" \
  "wasm takes $(ratio wasm-actor-ring sim-actor-ring) the native time"
row "channels, wasm" "$(secs wasm-channel-ring)" "$(spread wasm-channel-ring)" "$(rate wasm-channel-ring)" \
  "wasm takes $(ratio wasm-channel-ring sim-channel-ring) the native time"
echo
echo "Final count: schedules (explorer) or executions (loom) ending at each value"
echo "  explorer: $(note explorer | sed -E 's/.*outcomes=//')"
echo "  loom:     $(note loom | sed -E 's/.*outcomes=//')"
echo "Every run: $results"
