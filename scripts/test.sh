#!/usr/bin/env bash
# Runs every test layer in order and ends with one line of counts:
#   1. host tests of the rules crate, core/ (cargo test -p portal_core: no Leptos to compile)
#   2. in-browser component tests in headless Chromium, then in Firefox ESR (wasm-bindgen-test)
#   3. the release build, then Playwright end-to-end tests with axe against it in Chromium, and
#      a smoke set of the journeys in Firefox ESR (tests/firefox/, puppeteer-core over WebDriver BiDi)
#   4. performance budgets: Lighthouse on the same build, checked against tests/budgets.json
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export SASS_PATH="$PWD/node_modules/@uswds/uswds/packages"
export CHROMEDRIVER=/usr/bin/chromedriver
logs=$(mktemp -d)
passed=0 failed=0 status=0
summary=()

# Adds up "N passed" / "N failed" from a runner's output.
count() {
  local layer=$1 log=$2 p f
  case $layer in
    host|wasm|wasm-firefox)
      p=$(grep -Eo '[0-9]+ passed' "$log" | awk '{s+=$1} END {print s+0}')
      f=$(grep -Eo '[0-9]+ failed' "$log" | awk '{s+=$1} END {print s+0}') ;;
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
  summary+=("$(printf '%-34s %4d passed, %d failed' "$layer" "$p" "$f")")
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
  if "$@" 2>&1 | tee "$logs/$layer.log"; then
    return 0
  fi
  # A layer that fails without reporting a failed test (it did not build, say) counts as one failure.
  status=1
  if ! grep -Eq '[1-9][0-9]* failed|^# fail [1-9]' "$logs/$layer.log"; then
    failed=$((failed + 1))
    summary+=("$layer: the command failed before reporting its tests")
  fi
}

# --no-fail-fast: one failing test file must not hide the others' results.
run host cargo test -p portal_core --quiet --no-fail-fast
count host "$logs/host.log"

# (no --quiet here: cargo would pass it on to wasm-bindgen-test-runner, which refuses it)
# The runner gives the whole file 20 s by default, which a busy machine can exceed: 120 s.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
run wasm cargo test --target wasm32-unknown-unknown --lib --test web --test planner_db
count wasm "$logs/wasm.log"

# The same tests in Firefox ESR: the runner takes GECKODRIVER before CHROMEDRIVER.
run wasm-firefox env GECKODRIVER="$(command -v geckodriver)" WASM_BINDGEN_TEST_WEBDRIVER_JSON=tests/firefox/webdriver.json \
  cargo test --target wasm32-unknown-unknown --lib --test web --test planner_db
count wasm-firefox "$logs/wasm-firefox.log"

# The later layers need the release build; a failed test above does not stop them.
printf '\n==> build: trunk build --release\n'
if trunk build --release 2>&1 | tee "$logs/build.log"; then
  run e2e npx playwright test
  count e2e "$logs/e2e.log"
  run e2e-firefox node --test tests/firefox/
  count e2e-firefox "$logs/e2e-firefox.log"
  run budgets node scripts/report.mjs --check
  count budgets "$logs/budgets.log"
else
  status=1
  failed=$((failed + 1))
  summary+=("build: trunk build --release failed; e2e and budgets skipped")
fi

printf '\n==> Summary\n'
printf '%s\n' "${summary[@]}"
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed"
exit "$status"
