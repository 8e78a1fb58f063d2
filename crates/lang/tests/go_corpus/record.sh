#!/usr/bin/env bash
# Re-records the expected output of every corpus program with a real Go toolchain and
# checks that each program prints the same thing on every run.
#
#   GO=/path/to/go bash record.sh            # record, 20 runs per program
#   GO=/path/to/go RUNS=5 bash record.sh     # fewer stability runs
#   GO=/path/to/go bash record.sh a.go b.go  # only these programs
#
# For NAME.go it writes NAME.out (the exact stdout of `go run NAME.go`). When the program
# exits with a failure it also writes NAME.err: line 1 is `status N` (the exit status of
# `go run`), line 2 the first line of its stderr. A program whose stdout, status or first
# stderr line differs between runs is reported as unstable, and the script exits 1.
set -u
GO=${GO:-go}
RUNS=${RUNS:-20}
export GOTOOLCHAIN=local GO111MODULE=off
shopt -s nullglob
here=$(cd "$(dirname "$0")" && pwd)

if [ $# -gt 0 ]; then
	programs=("$@")
else
	programs=("$here"/*.go "$here"/constructs/*.go)
fi

echo "recording with $("$GO" version) on $(date -u +%F), $RUNS runs each"
unstable=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for src in "${programs[@]}"; do
	src=$(cd "$(dirname "$src")" && pwd)/$(basename "$src")
	dir=$(dirname "$src")
	name=$(basename "$src" .go)
	first=""
	for run in $(seq 1 "$RUNS"); do
		(cd "$dir" && "$GO" run "$name.go" >"$tmp/out" 2>"$tmp/stderr")
		status=$?
		{
			cat "$tmp/out"
			echo "--- status $status"
			head -n 1 "$tmp/stderr"
		} >"$tmp/run"
		if [ "$run" = 1 ]; then
			cp "$tmp/run" "$tmp/first"
			cp "$tmp/out" "$dir/$name.out"
			if [ "$status" != 0 ]; then
				printf 'status %s\n%s\n' "$status" "$(head -n 1 "$tmp/stderr")" >"$dir/$name.err"
			else
				rm -f "$dir/$name.err"
			fi
			first=ok
		elif ! cmp -s "$tmp/run" "$tmp/first"; then
			echo "UNSTABLE $name (run $run differs from run 1)"
			diff "$tmp/first" "$tmp/run" | head -n 10
			unstable=1
			break
		fi
	done
	[ -n "$first" ] && echo "ok $name"
done
exit $unstable
