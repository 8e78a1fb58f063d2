#!/usr/bin/env bash
# Writes the static site to dist/ for any web host: the bundled course, or the course
# folder LESSONS names once it passes the checker. PUBLIC_URL (default /) is the path
# the site will live under, e.g. PUBLIC_URL=/concurrency/; DIST (default dist) where it goes.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
source scripts/course.sh
trunk build --release --offline --public-url "${PUBLIC_URL:-/}" --dist "${DIST:-dist}"
echo
echo "  The site is in ${DIST:-dist}/: copy it to any static host (serve index.html for unknown paths)."
