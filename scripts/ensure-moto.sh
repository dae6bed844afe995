#!/usr/bin/env bash
# Makes `moto_server` available: uses the one on PATH, else installs moto[server] with pip.
set -euo pipefail
if command -v moto_server >/dev/null 2>&1; then
  exit 0
fi
echo "moto_server not found; installing moto[server] with pip" >&2
python3 -m pip install --quiet "moto[server]>=5.0" || python3 -m pip install --quiet --break-system-packages "moto[server]>=5.0"
hash -r
if ! command -v moto_server >/dev/null 2>&1; then
  echo "moto_server still not on PATH after pip install; add Python's scripts directory to PATH" >&2
  exit 1
fi
