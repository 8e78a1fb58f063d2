#!/usr/bin/env bash
# Serves the app with the bundled course on http://127.0.0.1:8080/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
echo
echo "  Switchboard will be at  http://127.0.0.1:8080/"
echo "  (the first build takes a few minutes; press Ctrl-C to stop)"
echo
exec trunk serve --offline --address 127.0.0.1 --port 8080
