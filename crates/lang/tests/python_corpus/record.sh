#!/bin/sh
# Re-records NAME.out (stdout) and, when the program writes to stderr, NAME.err (the last line
# of stderr: the exception line of an uncaught exception) for every NAME.py here, using the
# machine's python3. Each program is run N times (default 20); a program whose stdout or last
# stderr line differs between runs is reported and its files are left unchanged.
# Usage: ./record.sh [N [NAME...]]   (names limit the run to those programs)
set -u
cd "$(dirname "$0")" || exit 1
runs="${1:-20}"
[ "$#" -gt 0 ] && shift
if [ "$#" -gt 0 ]; then
    programs=$(for n in "$@"; do printf "%s.py\n" "$n"; done)
else
    programs=$(ls ./*.py | sed "s|^\./||")
fi
python3 --version
unstable=0
for src in $programs; do
    name="${src%.py}"
    python3 "$src" >"$name.out.new" 2>"$name.err.full"
    tail -n 1 "$name.err.full" >"$name.err.new"
    i=1
    stable=1
    while [ "$i" -lt "$runs" ]; do
        python3 "$src" >"$name.out.try" 2>"$name.err.full"
        tail -n 1 "$name.err.full" >"$name.err.try"
        if ! cmp -s "$name.out.new" "$name.out.try" || ! cmp -s "$name.err.new" "$name.err.try"; then
            stable=0
            break
        fi
        i=$((i + 1))
    done
    if [ "$stable" -eq 1 ]; then
        mv "$name.out.new" "$name.out"
        if [ -s "$name.err.new" ]; then
            mv "$name.err.new" "$name.err"
        else
            rm -f "$name.err.new" "$name.err"
        fi
        echo "stable  $name ($runs runs)"
    else
        rm -f "$name.out.new" "$name.err.new"
        echo "UNSTABLE $name (differed on run $((i + 1)))"
        unstable=$((unstable + 1))
    fi
    rm -f "$name.out.try" "$name.err.try" "$name.err.full"
done
echo "$unstable unstable program(s)"
[ "$unstable" -eq 0 ]
