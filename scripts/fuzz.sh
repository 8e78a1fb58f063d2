#!/usr/bin/env bash
# Runs every fuzz target (fuzz/fuzz_targets/) for FUZZ_SECONDS each, one after another in a
# single process each (one core), then prints executions and coverage per target.
#
#   scripts/fuzz.sh              every target, FUZZ_SECONDS (default 180) each
#   scripts/fuzz.sh --smoke      every target for 5 seconds: a quick check for `make test`
#   scripts/fuzz.sh TARGET...    only the targets named
#   CARGO_LOCK=FILE              take `flock FILE` around each cargo build
#
# Crashing inputs land in fuzz/artifacts/<target>/; the corpora in fuzz/corpus/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-180}
if [ "${1:-}" = "--smoke" ]; then
    seconds=5
    shift
fi

all_targets=(lang_python lang_erlang lang_go lesson_parse lesson_check schedule url_state progress sim_programs)
if [ $# -gt 0 ]; then targets=("$@"); else targets=("${all_targets[@]}"); fi

# CARGO_LOCK names a lock file that cargo builds on a shared machine take in turn.
locked() { if [ -n "${CARGO_LOCK:-}" ]; then flock "$CARGO_LOCK" "$@"; else "$@"; fi; }

export PATH="$HOME/.cargo/bin:$PATH"
# libFuzzer's instrumentation needs a nightly compiler; a fresh machine gets a minimal one.
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
    echo "Installing the nightly toolchain (minimal profile)..."
    rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "Installing cargo-fuzz (a few minutes)..."
    locked cargo install cargo-fuzz --locked
fi

bash scripts/fuzz-seeds.sh >/dev/null
echo "Building the fuzz targets (nightly, release with debug assertions)..."
if [ $# -gt 0 ]; then
    for t in "${targets[@]}"; do (cd fuzz && locked cargo +nightly fuzz build -O --fuzz-dir . "$t"); done
else
    (cd fuzz && locked cargo +nightly fuzz build -O --fuzz-dir .)
fi

host=$(rustc +nightly -vV | sed -n 's/^host: //p')
# cargo fuzz builds into CARGO_TARGET_DIR when it is set, fuzz/target otherwise.
target_dir=${CARGO_TARGET_DIR:-fuzz/target}
bin_dir=$target_dir/$host/release
logs=fuzz/logs
mkdir -p "$logs"

status=0
summary=()
for t in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
    echo "== $t: ${seconds}s"
    log=$logs/$t.log
    set +e
    # An input slower than 20 s is reported as a hang: the checker's fuzz budget keeps a
    # whole lesson well under that.
    "$bin_dir/$t" "fuzz/corpus/$t" \
        -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
        -artifact_prefix="fuzz/artifacts/$t/" -print_final_stats=1 >"$log" 2>&1
    rc=$?
    set -e
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1 || true)
    [ -n "$runs" ] || runs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#' || true)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)
    ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)
    corp=$(grep -o 'corp: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)
    if [ $rc -eq 0 ]; then result=ok; else
        result="CRASH $(ls -t "fuzz/artifacts/$t" 2>/dev/null | head -1)"
        status=1
        tail -n 40 "$log"
    fi
    summary+=("$(printf '%-14s %8ss %12s %8s %8s %8s  %s' "$t" "$seconds" "${runs:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$result")")
done

echo
printf '%-14s %9s %12s %8s %8s %8s  %s\n' target time executions cov features corpus result
for line in "${summary[@]}"; do echo "$line"; done
exit $status
