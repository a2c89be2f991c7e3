#!/usr/bin/env bash
# Builds the extension and opens it in a real VS Code, connected to a local demo gateway
# (dist/localGateway.js --demo) whose tasks it tracks:
#
#   bash scripts/run.sh [FOLDER]
#
# With the desktop `code` on PATH it opens a new desktop window with the extension under
# development; otherwise it starts VS Code for the browser (code-server, installed on first use by
# scripts/setup-vscode.sh) with the packaged extension installed, and prints the address to open. It stays in the foreground until Ctrl+C (or until the desktop window closes)
# and then stops everything it started. Each run gets fresh user data under .vscode-test/runs/.
#
#   SUNO_PORT=8080            fixed code-server port (default: a free one)
#   SUNO_GATEWAY_PORT=8787    fixed demo gateway port (default: a free one)
#   SUNO_USE_BROWSER=1        use code-server even when `code` is on PATH
#   SUNO_RUN_DEVELOPMENT=1    code-server: load the extension from this folder instead of the
#                             .vsix (rebuild with `npm run watch` and reload the page to see
#                             changes); code-server then hides notification toasts
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

log() { echo "[run] $*" >&2; }

export SUNO_RUN_ID="suno-run-$$-$(date +%s)"
run_dir="$root/.vscode-test/runs/run-$(date +%Y%m%dT%H%M%S)-$$"
workspace=${1:-$run_dir/workspace}
workspace=$(mkdir -p "$workspace" && cd "$workspace" && pwd)
mkdir -p "$run_dir/user-data/User" "$run_dir/extensions"

# Everything started below inherits SUNO_RUN_ID: stopping means ending every process that has it.
run_pids() {
  local file
  # The scan itself runs without SUNO_RUN_ID, or grep would find itself.
  for file in $(env -u SUNO_RUN_ID grep -lzx "SUNO_RUN_ID=$SUNO_RUN_ID" /proc/[0-9]*/environ 2>/dev/null); do
    file=${file#/proc/}
    echo "${file%/environ}"
  done
}
stop_all() {
  local pids
  pids=$(run_pids)
  if [ -n "$pids" ]; then
    # A polite SIGTERM first so code-server and the gateway close their sockets.
    kill -TERM $pids 2>/dev/null || true
    for _ in $(seq 30); do
      pids=$(run_pids)
      [ -z "$pids" ] && break
      sleep 0.1
    done
    if [ -n "$pids" ]; then kill -KILL $pids 2>/dev/null || true; fi
  fi
  rm -rf "$run_dir"
}
trap stop_all EXIT
trap 'echo; log "stopping"; exit 130' INT
trap 'exit 143' TERM

bash scripts/install-dependencies.sh
log "building"
npm run --silent build || log "the build reported errors (above); starting with what was built"
[ -f dist/extension.mjs ] || { log "dist/extension.mjs was not built"; exit 1; }

# The demo gateway: a local Suno API with a few demo tasks that move through their stages.
gateway_url=""
demo_ids=""
if [ -f dist/localGateway.js ]; then
  gateway_info="$run_dir/gateway.json"
  setsid node dist/localGateway.js --demo --port "${SUNO_GATEWAY_PORT:-0}" --ids-file "$gateway_info" \
    >"$run_dir/gateway.log" 2>&1 &
  gateway_pid=$!
  for _ in $(seq 100); do
    [ -s "$gateway_info" ] && break
    kill -0 "$gateway_pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -s "$gateway_info" ]; then
    gateway_url=$(node -p "require('$gateway_info').url")
    demo_ids=$(node -p "require('$gateway_info').tasks.map((task) => task.id).join(',')")
    log "demo gateway on $gateway_url with tasks $demo_ids (API key: test-key)"
  else
    log "the demo gateway did not start:"
    cat "$run_dir/gateway.log" >&2
    exit 1
  fi
else
  log "dist/localGateway.js is missing (the build has no local gateway yet): starting without the demo gateway"
fi

# User settings: quiet offline defaults, and the demo gateway as the extension's base URL.
SUNO_GATEWAY_URL=$gateway_url node -e '
  const settings = {
    "chat.disableAIFeatures": true, "workbench.startupEditor": "none", "extensions.autoUpdate": false,
    "telemetry.telemetryLevel": "off", "update.mode": "none", "security.workspace.trust.enabled": false,
    "git.openRepositoryInParentFolders": "never",
  };
  if (process.env.SUNO_GATEWAY_URL) settings["suno.baseUrl"] = process.env.SUNO_GATEWAY_URL;
  require("node:fs").writeFileSync(process.argv[1], JSON.stringify(settings, null, 2) + "\n");
' "$run_dir/user-data/User/settings.json"

# Read once by the extension at activation: the key for the configured gateway and the tasks to track.
export SUNO_DEMO_API_KEY=test-key
export SUNO_DEMO_TASK_IDS=$demo_ids

if command -v code >/dev/null 2>&1 && [ -z "${SUNO_USE_BROWSER:-}" ]; then
  log "opening the desktop VS Code (close its window or press Ctrl+C to stop)"
  code --new-window --wait --user-data-dir "$run_dir/user-data" \
    --extensionDevelopmentPath="$root" "$workspace"
  exit 0
fi

tools=$(bash scripts/setup-vscode.sh)
node24=$(sed -n 's/^NODE24=//p' <<<"$tools")
code_server=$(sed -n 's/^CODE_SERVER=//p' <<<"$tools")
export XDG_CONFIG_HOME="$run_dir/xdg-config" XDG_DATA_HOME="$run_dir/xdg-data"

# By default the browser VS Code gets what users install: the packaged .vsix. Loading the
# extension from this folder instead needs code-server's smoke-test driver, which also hides
# notification toasts, so it is the opt-in SUNO_RUN_DEVELOPMENT=1.
server_options=()
if [ -n "${SUNO_RUN_DEVELOPMENT:-}" ]; then
  server_options+=(--vscode-option enable-smoke-test-driver)
else
  log "packaging the extension"
  npm run --silent package >"$run_dir/package.log" 2>&1 || { cat "$run_dir/package.log" >&2; exit 1; }
  "$node24" "$code_server" --install-extension "$root/suno-tasks.vsix" \
    --extensions-dir "$run_dir/extensions" --user-data-dir "$run_dir/user-data" >"$run_dir/install.log" 2>&1 ||
    { cat "$run_dir/install.log" >&2; exit 1; }
fi

setsid "$node24" "$code_server" \
  --bind-addr "127.0.0.1:${SUNO_PORT:-0}" --auth none \
  --disable-telemetry --disable-update-check --disable-workspace-trust \
  --disable-getting-started-override --ignore-last-opened \
  --user-data-dir "$run_dir/user-data" --extensions-dir "$run_dir/extensions" \
  "${server_options[@]}" \
  "$workspace" >"$run_dir/code-server.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 600); do
  port=$(sed -n 's#.*HTTP server listening on http://127\.0\.0\.1:\([0-9]*\).*#\1#p' "$run_dir/code-server.log" | head -1)
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$port" ]; then
  log "code-server did not start:"
  cat "$run_dir/code-server.log" >&2
  exit 1
fi

# In development mode the payload loads the extension from this folder (like F5 in desktop VS Code).
url=$(node -e '
  const [port, folder, root, development] = process.argv.slice(1);
  let url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
  if (development) {
    const payload = JSON.stringify([["extensionDevelopmentPath", `vscode-remote://127.0.0.1:${port}${root}`]]);
    url += `&payload=${encodeURIComponent(payload)}`;
  }
  console.log(url);
' "$port" "$workspace" "$root" "${SUNO_RUN_DEVELOPMENT:-}")

echo
echo "Suno Tasks is running in VS Code for the browser. Open:"
echo
echo "  $url"
echo
echo "(code-server log: $run_dir/code-server.log; press Ctrl+C to stop)"
wait "$server_pid" || true
log "code-server exited:"
tail -20 "$run_dir/code-server.log" >&2
exit 1
