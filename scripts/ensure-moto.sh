#!/usr/bin/env bash
# Prints the path of a runnable moto_server, installing moto[server] with pip when there is none.
# Usage: export MOTO_SERVER_BIN="$(bash scripts/ensure-moto.sh)"
set -euo pipefail
find_moto() {
  if [ -n "${MOTO_SERVER_BIN:-}" ] && [ -x "${MOTO_SERVER_BIN}" ]; then echo "$MOTO_SERVER_BIN"; return 0; fi
  if command -v moto_server >/dev/null 2>&1 && moto_server --help >/dev/null 2>&1; then command -v moto_server; return 0; fi
  local scripts
  scripts=$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))' 2>/dev/null || true)
  if [ -n "$scripts" ] && [ -x "$scripts/moto_server" ]; then echo "$scripts/moto_server"; return 0; fi
  local user_base
  user_base=$(python3 -m site --user-base 2>/dev/null || true)
  if [ -n "$user_base" ] && [ -x "$user_base/bin/moto_server" ]; then echo "$user_base/bin/moto_server"; return 0; fi
  return 1
}
if find_moto; then exit 0; fi
echo "moto_server not found; installing moto[server] with pip" >&2
python3 -m pip install --quiet "moto[server]>=5.0" >&2 \
  || python3 -m pip install --quiet --break-system-packages "moto[server]>=5.0" >&2
command -v pyenv >/dev/null 2>&1 && pyenv rehash >/dev/null 2>&1 || true
hash -r
if find_moto; then exit 0; fi
echo "moto_server is still not runnable after pip install" >&2
exit 1
