#!/usr/bin/env bash
# Builds the fuzz seed corpora in fuzz/corpus/<target>/ (git-ignored) from the bundled course
# and the front ends' test programs. Safe to rerun: seeds are named by content hash, and
# inputs the fuzzer found earlier stay.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=fuzz/corpus

# seed TARGET FILE: copies FILE into TARGET's corpus under its content hash.
seed() {
    mkdir -p "$corpus/$1"
    cp "$2" "$corpus/$1/seed-$(sha1sum "$2" | cut -c1-16)"
}

# seed_text TARGET TEXT: a literal seed.
seed_text() {
    local tmp
    tmp=$(mktemp)
    printf '%s' "$2" >"$tmp"
    seed "$1" "$tmp"
    rm -f "$tmp"
}

for lesson in lessons/*.md; do
    seed lesson_parse "$lesson"
    seed lesson_check "$lesson"
done

# Each `sim <dialect>` block of the course, as a program of its own.
extract=$(mktemp -d)
trap 'rm -rf "$extract"' EXIT
awk -v out="$extract" '
    /^```sim (python|erlang|go)/ { n++; file = out "/" $2 "-" n; inside = 1; next }
    /^```/ && inside { inside = 0; close(file); next }
    inside { print > file }
' lessons/*.md
for program in "$extract"/*; do
    [ -f "$program" ] || continue
    case "$(basename "$program")" in
        python-*) seed lang_python "$program" ;;
        erlang-*) seed lang_erlang "$program" ;;
        go-*) seed lang_go "$program" ;;
    esac
done

for program in crates/lang/tests/*_corpus/*.py; do seed lang_python "$program"; done
for program in crates/lang/tests/*_corpus/*.erl; do seed lang_erlang "$program"; done
for program in crates/lang/tests/*_corpus/*.go; do seed lang_go "$program"; done

for text in "" "0" "01010" "a-3." "_z1.0" "0-z.1_10.2" "zzzz" "_.x"; do
    seed_text schedule "$text"
done
for text in "rr~" "rr~0101" "you~a-3." "r42~0_1z.2" "r18446744073709551615~" "x~"; do
    seed_text url_state "$text"
done
seed_text progress '{"version":1,"student":"s1","answers":{},"scores":[],"lessons_done":[],"last":null}'
seed_text progress '{"version":1,"student":"s1","answers":{"q1":{"correct":true,"given":["a"]}},"scores":[{"scope":"all","right":1,"total":2}],"lessons_done":["csp"]}'
seed_text progress '[1,2,3]'
mkdir -p "$corpus/sim_programs"

for dir in "$corpus"/*/; do
    printf '%-14s %5d seeds\n' "$(basename "$dir")" "$(find "$dir" -type f | wc -l)"
done
