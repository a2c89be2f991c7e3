#!/usr/bin/env bash
# The project's whole check, as CI runs it (.ci/run): installs what is missing, then build,
# package, lint, type check, unit tests, integration tests inside a real VS Code extension host
# (code-server) and UI tests that drive the real workbench in headless Chromium. Every phase runs
# even when an earlier one failed (except those that need a build), then a summary follows and
# the last line reads `N passed, N failed` (tests, plus one per build/package/lint/typecheck
# step). Exits non-zero when anything failed.
#
#   SUNO_INTEGRATION_TIMEOUT_MS   bound on one integration run (default 600000)
#   SUNO_UI_TIMEOUT_SECONDS       bound on the UI suite (default 1800)
#   SUNO_VSCODE_CACHE             where code-server and Node 24 are cached (default ~/.cache/suno-tasks)
#   SUNO_VERBOSE=1                echo code-server's own log
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD

# Every process this run starts inherits SUNO_RUN_ID; whatever is still alive at the end is ours
# to kill, however it was started.
export SUNO_RUN_ID="suno-test-$$-$(date +%s)"
results=$(mktemp -d)
sweep() {
  local file pids=()
  # The scan itself runs without SUNO_RUN_ID, or grep would find itself.
  for file in $(env -u SUNO_RUN_ID grep -lzx "SUNO_RUN_ID=$SUNO_RUN_ID" /proc/[0-9]*/environ 2>/dev/null); do
    file=${file#/proc/}
    pids+=("${file%/environ}")
  done
  if [ ${#pids[@]} -gt 0 ]; then
    kill -KILL "${pids[@]}" 2>/dev/null
    echo "[test] stopped ${#pids[@]} process(es) left running: ${pids[*]}" >&2
  fi
  return 0
}
on_exit() {
  sweep
  rm -rf "$results"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -t 1 ]; then bold=$'\e[1m'; red=$'\e[31m'; green=$'\e[32m'; plain=$'\e[0m'; else bold=''; red=''; green=''; plain=''; fi

total_passed=0
total_failed=0
summary_lines=()
failure_lines=()

# record NAME PASSED FAILED SECONDS [NOTE]
record() {
  local name=$1 passed=$2 failed=$3 seconds=$4 note=${5:-}
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  local state="${green}ok${plain}"
  [ "$failed" -gt 0 ] && state="${red}FAILED${plain}"
  summary_lines+=("$(printf '  %-18s %-17s %5s passed %4s failed %6ss  %s' "$name" "$state" "$passed" "$failed" "$seconds" "$note")")
}

heading() { printf '\n%s━━ %s%s\n' "$bold" "$1" "$plain"; }

# step NAME COMMAND...: a check that passes or fails as a whole.
step() {
  local name=$1
  shift
  heading "$name"
  local started=$SECONDS
  if "$@"; then
    record "$name" 1 0 $((SECONDS - started))
    return 0
  fi
  record "$name" 0 1 $((SECONDS - started))
  failure_lines+=("$name: \`$*\` failed (see its output above)")
  return 1
}

# suite NAME COMMAND...: a mocha run that reports its counts through SUNO_TEST_SUMMARY.
suite() {
  local name=$1
  shift
  heading "$name"
  local started=$SECONDS
  SUNO_TEST_SUMMARY="$results/$name.json" "$@"
  collect "$name" $? $((SECONDS - started))
}

# collect NAME STATUS SECONDS: records the counts a finished suite wrote to its summary file.
collect() {
  local name=$1 status=$2 seconds=$3 file="$results/$1.json"
  if [ ! -s "$file" ]; then
    record "$name" 0 1 "$seconds" "did not report (exit $status)"
    failure_lines+=("$name: the suite did not run to the end (exit $status; see its output above)")
    return 1
  fi
  local passed failed
  passed=$(node -p "require('$file').passed")
  failed=$(node -p "require('$file').failed")
  while IFS= read -r line; do
    [ -n "$line" ] && failure_lines+=("$name: $line")
  done < <(node -e "for (const f of require('$file').failures) console.log(f)")
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1
    failure_lines+=("$name: exited with $status after its tests passed")
  fi
  record "$name" "$passed" "$failed" "$seconds"
  [ "$failed" -eq 0 ]
}

# skip NAME REASON: a phase that could not run counts as one failure.
skip() {
  record "$1" 0 1 0 "skipped: $2"
  failure_lines+=("$1: skipped because $2")
}

finish() {
  heading "Summary"
  printf '%s\n' "${summary_lines[@]}"
  [ -n "${bundle_sizes:-}" ] && printf '  %-18s %s\n' bundles "$bundle_sizes"
  if [ ${#failure_lines[@]} -gt 0 ]; then
    printf '\n%sFailures:%s\n' "$bold" "$plain"
    printf '  %s\n' "${failure_lines[@]}"
  fi
  echo
  echo "$total_passed passed, $total_failed failed"
  [ "$total_failed" -eq 0 ]
  exit $?
}

# Compiled files whose source was deleted or renamed would still run as ghost tests.
prune_stale_output() {
  [ -d out ] || return 0
  find out -name '*.js' -print0 | while IFS= read -r -d '' compiled; do
    local source=${compiled#out/}
    [ -f "${source%.js}.ts" ] || rm -f "$compiled" "$compiled.map"
  done
}

compile_tests() {
  prune_stale_output
  npx tsc -p tsconfig.test.json >"$results/compile-tests.log" 2>&1 || true
  # tsc emits even when it reports type errors (the typecheck step shows those); only a missing
  # runner is fatal for the suites.
  [ -f out/test/harness/summaryReporter.js ]
}

# Tests never rewrite tracked files (the README screenshots have their own script,
# `npm run screenshots`): what git reports as changed must be the same at the end.
tracked_changes() { git -C "$root" status --porcelain --untracked-files=no 2>/dev/null; }
tracked_before=$(tracked_changes)
tracked_unchanged() {
  local after
  after=$(tracked_changes)
  [ "$after" = "$tracked_before" ] && return 0
  echo "The test run changed tracked files:" >&2
  diff <(echo "$tracked_before") <(echo "$after") >&2
  return 1
}

heading "install"
started=$SECONDS
if ! bash scripts/install-dependencies.sh; then
  record install 0 1 $((SECONDS - started))
  failure_lines+=("install: npm could not install the dependencies")
  finish
fi
echo "npm dependencies are up to date"
if tools=$(bash scripts/setup-vscode.sh); then
  echo "$tools"
  export SUNO_NODE24 SUNO_CODE_SERVER SUNO_CHROMIUM
  SUNO_NODE24=$(sed -n 's/^NODE24=//p' <<<"$tools")
  SUNO_CODE_SERVER=$(sed -n 's/^CODE_SERVER=//p' <<<"$tools")
  SUNO_CHROMIUM=$(sed -n 's/^CHROMIUM=//p' <<<"$tools")
  vscode_ready=1
else
  vscode_ready=0
fi
install_seconds=$((SECONDS - started))

# The package step builds the release bundles and the .vsix first; the build step then puts the
# development bundles (with source maps) in place for the test runs.
bundle_sizes=''
if step package npm run --silent package; then
  cp suno-tasks.vsix "$results/suno-tasks.vsix"
  # What activation loads against its budget, the chunks loaded on first use, and the .vsix,
  # measured on a release build of the same sources.
  bundle_sizes=$(node scripts/bench/bundles.js) || bundle_sizes='could not be measured'
fi
export SUNO_VSIX="$results/suno-tasks.vsix"
step build npm run --silent build
built=$?
step lint npm run --silent lint
step typecheck npm run --silent typecheck

heading "compile tests"
started=$SECONDS
if compile_tests; then compiled=1; else compiled=0; cat "$results/compile-tests.log"; fi
echo "compiled to out/ in $((SECONDS - started)) s"

mocha=(node "$root/node_modules/mocha/bin/mocha.js")
reporter="$root/out/test/harness/summaryReporter.js"

if [ "$compiled" = 1 ]; then
  suite unit timeout --foreground -k 30 900 "${mocha[@]}" --config .mocharc.json --reporter "$reporter"
else
  skip unit "the tests did not compile"
fi

integration_budget=$(( ${SUNO_INTEGRATION_TIMEOUT_MS:-600000} / 1000 + 120 ))
if [ "$compiled" = 0 ]; then
  skip integration "the tests did not compile"
  skip ui "the tests did not compile"
elif [ "$built" != 0 ]; then
  skip integration "the build failed"
  skip ui "the build failed"
elif [ "$vscode_ready" = 0 ]; then
  skip integration "scripts/setup-vscode.sh failed"
  skip ui "scripts/setup-vscode.sh failed"
else
  # Each suite drives its own code-server and Chromium (on ports and folders of its own), and
  # both spend most of their time waiting on the workbench, so the integration suite runs beside
  # the UI suite instead of before it: the run takes about as long as the UI suite alone. Its
  # report is held back and printed whole once the UI suite's is done.
  heading "integration"
  echo "runs beside the UI suite; its report follows the UI suite's"
  integration_started=$SECONDS
  SUNO_TEST_SUMMARY="$results/integration.json" timeout -k 30 "$integration_budget" \
    node out/test/harness/runIntegrationTests.js >"$results/integration.log" 2>&1 </dev/null &
  integration_pid=$!
  suite ui timeout --foreground -k 30 "${SUNO_UI_TIMEOUT_SECONDS:-1800}" "${mocha[@]}" --no-config \
    --timeout 300000 --enable-source-maps --exit --reporter "$reporter" 'out/test/ui/**/*.test.js'
  wait "$integration_pid"
  integration_status=$?
  heading "integration"
  cat "$results/integration.log"
  collect integration "$integration_status" $((SECONDS - integration_started))
fi

step "tracked files" tracked_unchanged

summary_lines=("$(printf '  %-18s %-17s %5s        %4s        %6ss' install "${green}ok${plain}" '' '' "$install_seconds")" "${summary_lines[@]}")
finish
