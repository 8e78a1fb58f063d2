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
loom_version=$(awk '/^name = "loom"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
done_step "Erlang/OTP $erl_version, $go_version, Chromium $chromium_version"

step "build: the simulator's runners (release), the wasm test, ring.erl and ring.go"
mkdir -p "$out"
# The workspace release profile, the one the app ships with, for native and wasm alike.
cargo build --release -p switchboard-benches --examples
say "      native runners built"
cargo test --release --target wasm32-unknown-unknown -p switchboard-benches \
  --features wasm-bench --test wasm_ring --no-run
say "      wasm ring built"
erlc -o "$out" benches/ring.erl
(cd benches && go build -o "../$out/ring-go" ring.go)
done_step "built into $out/"

# Each runner prints `result name=... seconds=... work=...`; keep those lines, show the rest.
record() {
  local line
  while IFS= read -r line; do
    case $line in
      *"result name="*)
        line=${line#*result name=}
        echo "result name=$line" >>"$results"
        say "      ${line%% *}: $(sed -E 's/.*seconds=([0-9.]+) work=([0-9]+).*/\1 s, work \2/' <<<"$line")"
        ;;
    esac
  done
}

step "measure: $RUNS rounds of sim ring, Erlang ring, Go ring, wasm ring, explorer, loom"
: >"$results"
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT=600
for round in $(seq 1 "$RUNS"); do
  say "      round $round of $RUNS"
  "target/release/examples/ring" | record
  erl -noshell -pa "$out" -run ring main "$NODES" "$LAPS" | record
  GOMAXPROCS=1 "$out/ring-go" "$NODES" "$LAPS" | record
  cargo test --release --target wasm32-unknown-unknown -p switchboard-benches \
    --features wasm-bench --test wasm_ring -q -- --nocapture 2>&1 | record
  "target/release/examples/explore" | record
  "target/release/examples/loom_counter" | record
done
done_step "$(wc -l <"$results") measurements in $results"

step "check: every measurement ran $RUNS times"
for name in sim-actor-ring sim-channel-ring erlang-ring go-ring wasm-actor-ring \
  wasm-channel-ring explorer loom; do
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
    | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.3f-%.3f", lo, hi }'
}
# The last note a runner printed after `work=N` (outcome histograms and such).
note() { grep "^result name=$1 " "$results" | tail -n1 | sed -E 's/.* work=[0-9]+ ?//'; }

step "table (medians of $RUNS runs on $(nproc) cores)"
row() { printf '  %-34s %10s %13s  %-24s %s\n' "$@"; }
t() { median "$1" seconds; }
hops_rate() { awk -v s="$(t "$1")" -v h="$(median "$1" work)" 'BEGIN { printf "%.3g hops/s", h / s }'; }
ratio() { awk -v a="$(t "$1")" -v b="$(t "$2")" 'BEGIN { printf "%.1fx", a / b }'; }

echo
echo "Switchboard benchmarks, $(date -u +%Y-%m-%d), medians of $RUNS runs, $(nproc) cores"
echo
row "measurement" "median s" "min-max s" "rate / count" "ratio (from the medians)"
echo "Ring: $NODES processes x $LAPS laps = $((NODES * LAPS)) hops, full trace on in the simulator"
row "simulator, actors (native)" "$(t sim-actor-ring)" "$(spread sim-actor-ring)" "$(hops_rate sim-actor-ring)" ""
row "Erlang/OTP $erl_version (erl -noshell)" "$(t erlang-ring)" "$(spread erlang-ring)" "$(hops_rate erlang-ring)" \
  "Erlang $(ratio sim-actor-ring erlang-ring) faster than the simulator"
row "simulator, channels (native)" "$(t sim-channel-ring)" "$(spread sim-channel-ring)" "$(hops_rate sim-channel-ring)" ""
row "$go_version (GOMAXPROCS=1)" "$(t go-ring)" "$(spread go-ring)" "$(hops_rate go-ring)" \
  "Go $(ratio sim-channel-ring go-ring) faster than the simulator"
echo "Explorer vs loom: 2 threads x 3 increments, each a separate load and store"
row "our explorer" "$(t explorer)" "$(spread explorer)" "$(median explorer work) schedules" ""
row "loom $loom_version (DPOR, no bounds)" "$(t loom)" "$(spread loom)" "$(median loom work) executions" \
  "explorer $(ratio loom explorer) faster than loom"
echo "Wasm vs native: the same rings, same release profile, wasm in headless Chromium $chromium_version"
row "actors in wasm" "$(t wasm-actor-ring)" "$(spread wasm-actor-ring)" "$(hops_rate wasm-actor-ring)" \
  "wasm takes $(ratio wasm-actor-ring sim-actor-ring) the native time"
row "channels in wasm" "$(t wasm-channel-ring)" "$(spread wasm-channel-ring)" "$(hops_rate wasm-channel-ring)" \
  "wasm takes $(ratio wasm-channel-ring sim-channel-ring) the native time"
echo
echo "Final counts (value:runs): explorer $(note explorer | sed -E 's/.*outcomes=//'), loom $(note loom | sed -E 's/.*outcomes=//')"
echo "Raw measurements: $results"
