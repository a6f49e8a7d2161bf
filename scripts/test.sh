#!/usr/bin/env bash
# Runs every test layer in order and ends with a summary: each layer's counts and wall time, and
# one line of totals:
#   0. format and lint, first and fast: rustfmt --check, and clippy with warnings as errors for
#      the rules crate (host, every target) and the app (wasm, every target)
#   1. host tests of the rules crate, core/ (cargo test -p portal_core: no Leptos to compile)
#   2. in-browser component tests (wasm-bindgen-test): one test binary, compiled once, run in
#      headless Chromium and then in Firefox ESR
#   3. the release build, then Playwright end-to-end tests with axe against it in Chromium, and
#      a smoke set of the journeys in Firefox ESR (tests/firefox/, puppeteer-core over WebDriver BiDi)
#   4. performance budgets: Lighthouse on the same build, checked against tests/budgets.json
#
# Cargo's target directory is shared by every checkout of this user (CARGO_TARGET_DIR, by default
# ${XDG_CACHE_HOME:-~/.cache}/readiness-portal/target), so a fresh clone on a warm machine reuses
# the compiled dependencies (Leptos and the rest) and compiles only the portal's own crates.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export SASS_PATH="$PWD/node_modules/@uswds/uswds/packages"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/readiness-portal/target}"
export CHROMEDRIVER=/usr/bin/chromedriver
logs=$(mktemp -d)
passed=0 failed=0 status=0
summary=()
started_all=$(date +%s)

# Wall time of the layer that just ended, as "123 s".
layer_started=0
begin() { layer_started=$(date +%s); }
took() { echo "$(($(date +%s) - layer_started)) s"; }

# Adds up "N passed" / "N failed" from a runner's output.
count() {
  local layer=$1 log=$2 seconds=$3 p f
  case $layer in
    host|wasm|wasm-firefox)
      p=$(grep -Eo '[0-9]+ passed' "$log" | awk '{s+=$1} END {print s+0}')
      f=$(grep -Eo '[0-9]+ failed' "$log" | awk '{s+=$1} END {print s+0}') ;;
    lint)
      # scripts/test.sh's own lines: "lint: ok <check>" / "lint: FAILED <check>".
      p=$(grep -c '^lint: ok ' "$log")
      f=$(grep -c '^lint: FAILED ' "$log") ;;
    e2e)
      p=$(grep -Eo '^ +[0-9]+ passed' "$log" | awk '{s+=$1} END {print s+0}')
      f=$(grep -Eo '^ +[0-9]+ failed' "$log" | awk '{s+=$1} END {print s+0}') ;;
    e2e-firefox)
      # node --test ends with "# pass N" and "# fail M".
      p=$(grep -Eo '^# pass [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')
      f=$(grep -Eo '^# fail [0-9]+' "$log" | awk '{s+=$3} END {print s+0}') ;;
    budgets)
      # scripts/report.mjs --check ends with "budgets: N passed, M failed".
      p=$(grep -Eo '^budgets: [0-9]+ passed' "$log" | awk '{s+=$2} END {print s+0}')
      f=$(grep -Eo '^budgets: [0-9]+ passed, [0-9]+ failed' "$log" | awk '{s+=$4} END {print s+0}') ;;
  esac
  passed=$((passed + p)); failed=$((failed + f))
  summary+=("$(printf '%-14s %4d passed, %d failed %8s' "$layer" "$p" "$f" "$seconds")")
  # Name what failed here too: CI shows the end of the output, far below the runner's own list.
  local name skipped
  while IFS= read -r name; do summary+=("  failed: $name"); done < <(failures "$layer" "$log")
  # Playwright skips the timing project when an e2e test fails; say so rather than lose them quietly.
  skipped=$(grep -Eo '^ +[0-9]+ did not run' "$log" | awk '{s+=$1} END {print s+0}')
  [ "$skipped" -eq 0 ] || summary+=("  $skipped did not run: they depend on a test that failed")
}

# The names of the tests a runner reported as failed.
failures() {
  case $1 in
    # cargo test ends with "failures:" and the names indented under it.
    host|wasm|wasm-firefox) awk '/^failures:$/ {show = 1; next} show && /^    [^ ]/ {sub(/^ +/, ""); print; next} show && !/^$/ {show = 0}' "$2" ;;
    lint) grep -E '^lint: FAILED ' "$2" | sed -E 's/^lint: FAILED //' ;;
    # Playwright lists them under "N failed" at the end of its output.
    e2e) awk '/^ +[0-9]+ failed$/ {show = 1; next} /^ +[0-9]+ /{show = 0} show && /›/' "$2" |
      sed -E 's/^ +//; s/ ─+$//' ;;
    # node --test marks each failed test "not ok N - name".
    e2e-firefox) grep -E '^not ok [0-9]+ - ' "$2" | sed -E 's/^not ok [0-9]+ - //' ;;
    # scripts/report.mjs marks a broken budget "BROKEN".
    budgets) grep -E '^  BROKEN' "$2" | sed -E 's/^ +BROKEN +//' ;;
  esac
}

run() {
  local layer=$1; shift
  printf '\n==> %s: %s\n' "$layer" "$*"
  begin
  if "$@" 2>&1 | tee "$logs/$layer.log"; then
    return 0
  fi
  # A layer that fails without reporting a failed test (it did not build, say) counts as one failure.
  status=1
  if ! grep -Eq '[1-9][0-9]* failed|^# fail [1-9]|^lint: FAILED' "$logs/$layer.log"; then
    failed=$((failed + 1))
    summary+=("$layer: the command failed before reporting its tests")
  fi
}

# Format and lint: each check is one result, and every check runs even when one fails.
lint() {
  local ok=0
  check() {
    local name=$1; shift
    if "$@"; then echo "lint: ok $name"; else echo "lint: FAILED $name"; ok=1; fi
  }
  check "cargo fmt --check (rustfmt.toml)" cargo fmt --all --check
  check "clippy, rules crate (host, every target)" cargo clippy --quiet -p portal_core --all-targets -- -D warnings
  check "clippy, app (wasm32, every target)" cargo clippy --quiet --target wasm32-unknown-unknown -p readiness_portal --all-targets -- -D warnings
  return $ok
}
run lint lint
count lint "$logs/lint.log" "$(took)"

# --no-fail-fast: one failing test file must not hide the others' results.
run host cargo test -p portal_core --quiet --no-fail-fast
count host "$logs/host.log" "$(took)"

# The browser tests: one binary (tests/web/), compiled once and run in each browser by
# wasm-bindgen-test-runner, which takes GECKODRIVER before CHROMEDRIVER.
# The runner gives the whole file 20 s by default, which a busy machine can exceed: 120 s.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
printf '\n==> wasm build: cargo test --target wasm32-unknown-unknown --test web --no-run\n'
begin
web_tests=$(cargo test --target wasm32-unknown-unknown --test web --no-run --message-format=json 2>"$logs/wasm-build.log" |
  node scripts/test-binary.mjs web)
cat "$logs/wasm-build.log"
wasm_build_time=$(took)
if [ -n "$web_tests" ]; then
  summary+=("$(printf '%-14s %30s' "wasm build" "$wasm_build_time")")
  run wasm wasm-bindgen-test-runner "$web_tests"
  count wasm "$logs/wasm.log" "$(took)"
  run wasm-firefox env GECKODRIVER="$(command -v geckodriver)" WASM_BINDGEN_TEST_WEBDRIVER_JSON=tests/firefox/webdriver.json \
    wasm-bindgen-test-runner "$web_tests"
  count wasm-firefox "$logs/wasm-firefox.log" "$(took)"
else
  status=1
  failed=$((failed + 1))
  summary+=("wasm build: the browser tests did not compile; wasm and wasm-firefox skipped ($wasm_build_time)")
fi

# The later layers need the release build; a failed test above does not stop them.
printf '\n==> build: trunk build --release\n'
begin
if trunk build --release 2>&1 | tee "$logs/build.log"; then
  summary+=("$(printf '%-14s %30s' "release build" "$(took)")")
  run e2e npx playwright test
  count e2e "$logs/e2e.log" "$(took)"
  run e2e-firefox node --test tests/firefox/
  count e2e-firefox "$logs/e2e-firefox.log" "$(took)"
  run budgets node scripts/report.mjs --check
  count budgets "$logs/budgets.log" "$(took)"
else
  status=1
  failed=$((failed + 1))
  summary+=("build: trunk build --release failed; e2e and budgets skipped ($(took))")
fi

printf '\n==> Summary\n'
printf '%s\n' "${summary[@]}"
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed, $(($(date +%s) - started_all)) s in all"
exit "$status"
