#!/usr/bin/env bash
# Installs what the portal needs on a fresh Debian machine, skipping anything already present at
# the right version. `scripts/setup.sh app` is enough to build and serve; `scripts/setup.sh test`
# adds Chromium and ChromeDriver, and Firefox ESR and geckodriver, for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-app}
TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '\n==> %s\n' "$*"; }

need_cmd() {
  command -v "$1" >/dev/null 2>&1 || { echo "setup: '$1' is required but missing: $2" >&2; exit 1; }
}
need_cmd cargo "install Rust with rustup first"
need_cmd node "install Node.js 20 or later first"
need_cmd npm "install npm first"

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing Debian packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
  fi
}

# The pinned toolchain (rust-toolchain.toml). Every cargo command in this directory asks rustup
# for it, so it is made available first. Where the machine's stable toolchain is that version,
# rustup is pointed at it (the same files under a second name) instead of downloading it again;
# otherwise rustup installs it.
RUST_VERSION=$(sed -n 's/^channel = "\(.*\)"$/\1/p' rust-toolchain.toml)
need_cmd rustup "install Rust with rustup first"
HOST=$(RUSTUP_TOOLCHAIN=stable rustc -vV | sed -n 's/^host: //p')
if ! rustup toolchain list | grep -q "^$RUST_VERSION-$HOST"; then
  STABLE=$(RUSTUP_TOOLCHAIN=stable rustc --version | awk '{print $2}')
  TOOLCHAINS="${RUSTUP_HOME:-$HOME/.rustup}/toolchains"
  if [ "$STABLE" = "$RUST_VERSION" ] && [ -d "$TOOLCHAINS/stable-$HOST" ]; then
    say "Using the installed stable toolchain ($STABLE) as $RUST_VERSION"
    ln -s "$TOOLCHAINS/stable-$HOST" "$TOOLCHAINS/$RUST_VERSION-$HOST"
  else
    say "Installing Rust $RUST_VERSION (rust-toolchain.toml)"
    RUSTUP_TOOLCHAIN=stable rustup toolchain install "$RUST_VERSION" --profile minimal --target wasm32-unknown-unknown
  fi
fi

# rustfmt and clippy, which the test command's first layer runs. A toolchain linked to stable
# (above) takes its components from stable.
TOOLCHAINS="${RUSTUP_HOME:-$HOME/.rustup}/toolchains"
for component in rustfmt clippy; do
  tool=$([ "$component" = rustfmt ] && echo fmt || echo clippy)
  if ! cargo "$tool" --version >/dev/null 2>&1; then
    from="$RUST_VERSION-$HOST"
    [ -L "$TOOLCHAINS/$from" ] && from="stable-$HOST"
    say "Adding the $component component to $from"
    rustup component add --toolchain "$from" "$component"
  fi
done

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "Installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores, once)"
  env -u CARGO_TARGET_DIR cargo install "trunk@$TRUNK_VERSION" --locked
fi

# The CLI must equal the wasm-bindgen in Cargo.lock, or trunk tries to download one.
# Installed without --locked: its own lockfile pins a crate the registry no longer serves.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WBG_VERSION" ]; then
  say "Installing wasm-bindgen-cli $WBG_VERSION (about 4 minutes, once)"
  env -u CARGO_TARGET_DIR cargo install "wasm-bindgen-cli@$WBG_VERSION" --force
fi
if ! grep -q "wasm_bindgen = \"$WBG_VERSION\"" Trunk.toml; then
  echo "setup: Trunk.toml [tools] wasm_bindgen must be $WBG_VERSION (Cargo.lock)" >&2
  exit 1
fi

# The wasm splitter the release build runs (scripts/split-wasm.mjs), from the crate cargo-leptos
# uses. 0.2.4 or later is needed with wasm-bindgen 0.2.128 and later.
WASM_SPLIT_VERSION=0.2.4
if ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "Installing wasm-split-cli $WASM_SPLIT_VERSION (about 5 minutes on 2 cores, once)"
  env -u CARGO_TARGET_DIR cargo install "wasm_split_cli_support@$WASM_SPLIT_VERSION" --features build-binary --locked
fi

# npm packages: USWDS, sass, wasm-opt (binaryen), Playwright and axe. Reinstall only when the lock changed.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.setup-lock-copy; then
  say "Installing npm packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.setup-lock-copy
fi

if [ "$mode" = "test" ]; then
  # Debian's Chromium and its driver; Playwright's own browser download cannot work here.
  # Debian's Firefox ESR, the second engine (tests/firefox/).
  apt_install chromium chromium-driver firefox-esr
  # geckodriver drives Firefox for the in-browser Rust tests; crates.io has it, Debian does not.
  if [ "$(geckodriver --version 2>/dev/null | head -1 | awk '{print $2}')" != "$GECKODRIVER_VERSION" ]; then
    say "Installing geckodriver $GECKODRIVER_VERSION (about 5 minutes on 2 cores, once)"
    env -u CARGO_TARGET_DIR cargo install "geckodriver@$GECKODRIVER_VERSION" --locked
  fi
fi

say "Tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-split-cli $WASM_SPLIT_VERSION, wasm-opt $(wasm-opt --version | awk '{print $3}'), sass $(sass --version | awk '{print $1}')"
