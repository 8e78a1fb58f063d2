#!/usr/bin/env bash
# Serves the app on http://127.0.0.1:8080/ with the bundled course, or with the course
# folder LESSONS names once it passes the checker.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
source scripts/course.sh
echo
echo "  Switchboard will be at  http://127.0.0.1:8080/"
echo "  (the first build takes a few minutes; press Ctrl-C to stop)"
echo
exec trunk serve --offline --address 127.0.0.1 --port 8080
