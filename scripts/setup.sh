#!/usr/bin/env bash
# Installs what Switchboard needs to build, serve and test, and only what is
# missing or at the wrong version. Safe to run again and again.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
step_no=0
steps=6

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
step() {
  step_no=$((step_no + 1))
  step_started=$SECONDS
  say "($step_no/$steps) $*"
}
done_step() { say "      $* ($((SECONDS - step_started)) s)"; }
fail() { printf '\033[31m[setup] error:\033[0m %s\n' "$*" >&2; exit 1; }

export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo >/dev/null || fail "cargo is not on PATH; install Rust with rustup first"

# A privileged prefix for apt, when we are not root already.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else fail "need root (or sudo) to run: $*"
  fi
}

step "Rust: wasm32 target, rustfmt and clippy"
installed=$(rustup target list --installed)
if grep -qx wasm32-unknown-unknown <<<"$installed"; then
  done_step "wasm32-unknown-unknown already installed"
else
  rustup target add wasm32-unknown-unknown
  done_step "installed wasm32-unknown-unknown"
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    rustup component add "$component"
  fi
done

step "trunk $TRUNK_VERSION"
if trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  done_step "already installed"
else
  say "      building trunk from source: 7 to 16 minutes on 2 cores"
  cargo install trunk --version "$TRUNK_VERSION" --locked
  done_step "installed"
fi

step "wasm-bindgen-cli matching Cargo.lock"
[ -f Cargo.lock ] || cargo generate-lockfile
wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$wb_version" ] || fail "could not read the wasm-bindgen version from Cargo.lock"
if wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $wb_version" \
  && command -v wasm-bindgen-test-runner >/dev/null; then
  done_step "wasm-bindgen $wb_version already installed"
else
  say "      building wasm-bindgen-cli $wb_version: 2 to 7 minutes"
  # No --locked: its lock file names a webpki-roots release the registry lacks.
  cargo install wasm-bindgen-cli --version "=$wb_version" --force
  done_step "installed wasm-bindgen $wb_version"
fi

step "npm dev-dependencies (binaryen for wasm-opt, Playwright)"
command -v npm >/dev/null || fail "npm is not on PATH; install Node.js first"
if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ] \
  && [ -x node_modules/.bin/wasm-opt ] && [ -x node_modules/.bin/playwright ]; then
  done_step "already installed"
else
  npm ci --no-audit --no-fund --loglevel=error
  done_step "installed from package-lock.json"
fi
node_modules/.bin/wasm-opt --version | grep -q "version 132" || fail "node_modules wasm-opt is not version 132"

step "Chromium and ChromeDriver (Debian packages)"
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  done_step "already installed: $(/usr/bin/chromium --version 2>/dev/null | head -n1)"
else
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
  done_step "installed: $(/usr/bin/chromium --version 2>/dev/null | head -n1)"
fi

step "Rust dependencies"
cargo fetch --quiet
done_step "fetched"

say "ready"
