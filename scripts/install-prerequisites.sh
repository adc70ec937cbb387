#!/usr/bin/env bash
# Installs what GLA needs on a Debian machine and builds it. Safe to run again: it only
# installs what is missing. Used by ./run and ./test; nothing needs to be installed by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is missing: install it (https://dot.net) and run this again." >&2
  exit 1
fi

missing=()
compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || missing+=(postgresql)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)
# The browser tests drive Debian's Chromium (./test passes --tests).
if [ "${1:-}" = "--tests" ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
fi

if [ ${#missing[@]} -gt 0 ]; then
  say "Installing Debian packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  # Installing the packages must not leave system-wide servers running: GLA runs its own
  # private ones on free ports. policy-rc.d stops Debian's scripts from starting them.
  $sudo sh -c 'printf "#!/bin/sh\nexit 101\n" > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d'
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  $sudo rm -f /usr/sbin/policy-rc.d
fi

if [ ! -f node_modules/azurite/package.json ]; then
  say "Installing Azurite (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

say "Restoring tools and building GLA.sln"
dotnet tool restore >/dev/null
dotnet build GLA.sln --nologo -v quiet -clp:ErrorsOnly
