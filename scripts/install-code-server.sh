#!/usr/bin/env bash
# Installs code-server (VS Code in the browser) for the VS Code extension's end-to-end test
# (test/vscode), from the npm registry and apt only: nothing is fetched from GitHub or
# update.code.visualstudio.com.
#
#   scripts/install-code-server.sh        # prints the path of code-server's entry.js last
#
# Idempotent: a finished install is kept under .cache/code-server/<version>/ (ignored by git;
# WEFT_CODE_SERVER_DIR moves it) and a second run only prints its path. A run that was cut short
# is thrown away and redone.
#
# Why each step:
# - 4.100.3 is the newest code-server whose engines allow Node 20 (4.103+ need Node 22).
# - `npm i -g code-server` fails: its postinstall's nested npm install inherits global mode.
#   So: npm pack, unpack, install its own dependencies, then run its postinstall by hand with
#   the environment npm would give it.
# - Native modules (kerberos, node-pty…) have no reachable prebuilds, so they are compiled:
#   Debian's libkrb5-dev supplies kerberos' headers.
# - @vscode/ripgrep downloads rg from GitHub in its postinstall; it first looks in its download
#   cache, which we seed with Debian's rg (same major version, 13).
set -euo pipefail

VERSION="${CODE_SERVER_VERSION:-4.100.3}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base="${WEFT_CODE_SERVER_DIR:-$repo/.cache/code-server}"
dir="$base/$VERSION"
entry="$dir/package/out/node/entry.js"
started=$(date +%s)

say() { printf '[install-code-server] %s\n' "$*" >&2; }
elapsed() { echo "$(( $(date +%s) - started )) s"; }

if [[ -f "$dir/.complete" && -f "$entry" ]]; then
  say "code-server $VERSION is already installed in $dir"
  echo "$entry"
  exit 0
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [[ "$node_major" != 20 ]]; then
  say "code-server $VERSION needs Node 20; this is Node $(node -v). Use Node 20 (or set CODE_SERVER_VERSION to one that fits)."
  exit 1
fi

# ---------------------------------------------------------------- apt: headers and ripgrep
missing=()
for pkg in libkrb5-dev ripgrep; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
for tool in make g++ python3; do
  command -v "$tool" >/dev/null || missing+=("$([[ $tool == g++ ]] && echo g++ || echo "$tool")")
done
if (( ${#missing[@]} )); then
  sudo=""
  [[ "$(id -u)" != 0 ]] && sudo="sudo"
  say "apt: installing ${missing[*]}"
  if ! $sudo apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; then
    say "apt: refreshing the package lists first"
    $sudo apt-get update >/dev/null
    $sudo apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi
rg_bin="$(command -v rg)"

# ---------------------------------------------------------------- the package
rm -rf "$dir"
mkdir -p "$dir"
cd "$dir"
say "npm pack code-server@$VERSION"
npm pack "code-server@$VERSION" --silent >/dev/null 2>&1
tar xzf "code-server-$VERSION.tgz"
rm "code-server-$VERSION.tgz"

# Seed @vscode/ripgrep's download cache (os.tmpdir()/vscode-ripgrep-cache-<its version>) with
# Debian's rg, packed the way its postinstall expects the GitHub asset.
rg_version="$(node -p 'require("./package/lib/vscode/npm-shrinkwrap.json").packages["node_modules/@vscode/ripgrep"].version')"
case "$(uname -m)" in
  x86_64) rg_target="x86_64-unknown-linux-musl" ;;
  aarch64 | arm64) rg_target="aarch64-unknown-linux-musl" ;;
  *) say "no ripgrep asset name known for $(uname -m)"; exit 1 ;;
esac
rg_cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$rg_version"
rg_asset="$rg_cache/ripgrep-v13.0.0-10-$rg_target.tar.gz"
if [[ ! -f "$rg_asset" ]]; then
  say "seeding $rg_asset with $rg_bin"
  mkdir -p "$rg_cache" rg-seed
  cp "$rg_bin" rg-seed/rg
  tar czf "$rg_asset" -C rg-seed rg
  rm -rf rg-seed
fi

cd package
say "npm install --omit=dev (compiles argon2; $(elapsed) so far)"
# code-server's own postinstall runs here too and stops at "Please pass --unsafe-perm" (we are
# root) or does part of the work: either way, it is run properly below.
npm install --omit=dev --no-audit --no-fund --loglevel=error >install.log 2>&1 || {
  if ! [[ -d node_modules/argon2 ]]; then
    cat install.log >&2
    say "npm install failed (log above)"
    exit 1
  fi
}

say "postinstall: VS Code's dependencies and native modules (the long part; $(elapsed) so far)"
npm_config_user_agent="npm/$(npm -v) node/$(node -v) linux x64" \
npm_config_unsafe_perm=true \
npm_config_yes=true \
npm_config_loglevel=error \
npm_config_audit=false \
npm_config_fund=false \
  sh ./postinstall.sh >postinstall.log 2>&1 || {
    tail -n 60 postinstall.log >&2
    say "code-server's postinstall failed (last lines above; whole log: $dir/package/postinstall.log)"
    exit 1
  }

node out/node/entry.js --version >/dev/null
touch "$dir/.complete"
say "installed code-server $VERSION in $(elapsed): $dir ($(du -sh "$dir" | cut -f1))"
echo "$entry"
