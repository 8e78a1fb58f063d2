#!/bin/sh
# Re-records the expected output of every corpus module with the real Erlang toolchain.
#
# For each NAME.erl (here and in constructs/) with its shell entry in NAME.entry:
#
#     erlc NAME.erl && erl -noshell -eval 'ENTRY, timer:sleep(WAIT), halt().'
#
# WAIT is 300 ms unless NAME.wait holds another number of milliseconds. Each module runs
# RUNS times (default 20); all runs must print the same, or the module is reported UNSTABLE
# and its files are left alone.
#
# The logger prints the report of a process that dies of an error ("=ERROR REPORT==== <time>
# ===" up to the next blank line) on stdout, whenever the logger gets to it, with a time stamp.
# Such blocks are cut out of stdout: the report without its time-stamp line goes to NAME.err
# (followed by anything the program wrote on stderr), and the rest of stdout to NAME.out.
# No NAME.err is kept when there was neither a report nor stderr output.
#
# Usage: record.sh [-n RUNS] [--check] [NAME ...]
#   --check  compares with the recorded files instead of writing them (exit 1 on a difference)
#   NAME     a module name such as pantry or constructs/trap_exit (default: all)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
runs=20
check=0
while [ $# -gt 0 ]; do
    case "$1" in
    -n) runs=$2; shift 2 ;;
    --check) check=1; shift ;;
    --) shift; break ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) break ;;
    esac
done

if [ $# -eq 0 ]; then
    set --
    for f in "$here"/*.erl "$here"/constructs/*.erl; do
        [ -e "$f" ] || continue
        rel=${f#"$here"/}
        set -- "$@" "${rel%.erl}"
    done
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Splits one run's stdout ($1) and stderr ($2) into $3.out and $3.err, byte for byte.
split_run() {
    perl -e '
        local $/;
        open my $in, "<", $ARGV[0] or die; my $text = <$in>;
        my $reports = "";
        $text =~ s{^=[A-Z ]+REPORT==== [^\n]* ===\n(.*?)(?:\n\n|\n?\z)}{$reports .= "$1\n"; ""}gmse;
        open my $out, ">", "$ARGV[1].out" or die; print $out $text;
        open my $err, ">", "$ARGV[1].err" or die; print $err $reports;
    ' "$1" "$3"
    cat "$2" >> "$3.err"
}

status=0
for name in "$@"; do
    src="$here/$name.erl"
    mod=$(basename "$name")
    if [ ! -f "$src" ] || [ ! -f "$here/$name.entry" ]; then
        echo "$name: missing $name.erl or $name.entry" >&2
        status=1
        continue
    fi
    entry=$(cat "$here/$name.entry")
    wait_ms=300
    [ -f "$here/$name.wait" ] && wait_ms=$(cat "$here/$name.wait")
    dir="$work/$mod"
    mkdir -p "$dir"
    cp "$src" "$dir/"
    if ! (cd "$dir" && erlc "$mod.erl" > compile.log 2>&1); then
        echo "$name: erlc failed" >&2
        cat "$dir/compile.log" >&2
        status=1
        continue
    fi
    i=1
    stable=1
    while [ "$i" -le "$runs" ]; do
        rc=0
        (cd "$dir" && timeout 30 erl -noshell -eval "$entry, timer:sleep($wait_ms), halt()." \
            > "run.stdout" 2> "run.stderr") || rc=$?
        if [ "$rc" -ne 0 ]; then
            # The entry itself crashed ("init terminating in do_boot") or erl hung.
            echo "$name: erl exited with status $rc" >&2
            head -c 2000 "$dir/run.stdout" >&2
            stable=0
            break
        fi
        split_run "$dir/run.stdout" "$dir/run.stderr" "$dir/run$i"
        if [ "$i" -gt 1 ]; then
            if ! cmp -s "$dir/run1.out" "$dir/run$i.out" || ! cmp -s "$dir/run1.err" "$dir/run$i.err"; then
                stable=0
                echo "$name: UNSTABLE (run $i differs from run 1)" >&2
                diff "$dir/run1.out" "$dir/run$i.out" >&2 || true
                diff "$dir/run1.err" "$dir/run$i.err" >&2 || true
                break
            fi
        fi
        i=$((i + 1))
    done
    if [ "$stable" -eq 0 ]; then
        status=1
        continue
    fi
    if [ "$check" -eq 1 ]; then
        same=1
        cmp -s "$dir/run1.out" "$here/$name.out" || same=0
        if [ -s "$dir/run1.err" ]; then
            cmp -s "$dir/run1.err" "$here/$name.err" || same=0
        elif [ -e "$here/$name.err" ]; then
            same=0
        fi
        if [ "$same" -eq 1 ]; then
            echo "$name: same as recorded ($runs runs)"
        else
            echo "$name: DIFFERS from the recorded output" >&2
            status=1
        fi
    else
        cp "$dir/run1.out" "$here/$name.out"
        if [ -s "$dir/run1.err" ]; then
            cp "$dir/run1.err" "$here/$name.err"
        else
            rm -f "$here/$name.err"
        fi
        echo "$name: recorded ($runs stable runs)"
    fi
done
exit $status
