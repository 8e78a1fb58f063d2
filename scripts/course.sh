#!/usr/bin/env bash
# Shared by serve.sh and site.sh: when LESSONS names a course folder, check it with the
# instructors' command and refuse to go on (showing the checker's report) if it fails;
# then point the build at it.
if [[ -n "${LESSONS:-}" ]]; then
  if [[ ! -d "$LESSONS" ]]; then
    echo "error: LESSONS=$LESSONS is not a folder" >&2
    exit 1
  fi
  LESSONS=$(cd "$LESSONS" && pwd)
  echo "  Checking the course in $LESSONS …"
  if ! cargo run --quiet --offline -p switchboard-cli -- check "$LESSONS"; then
    echo >&2
    echo "error: the course in $LESSONS does not pass the checker (report above); fix it and run again" >&2
    exit 1
  fi
  export SWITCHBOARD_LESSONS="$LESSONS"
fi
