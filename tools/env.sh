# Sourced by the other tools: where things live and how to reach PostgreSQL.
# Every value can be overridden from the environment.
set -euo pipefail
KEPOS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export KEPOS_ROOT
export PYTHON=${PYTHON:-/root/.pyenv/versions/3.7.16/bin/python}
export VENV=${VENV:-$KEPOS_ROOT/.venv}
export KEPOS_VAR=${KEPOS_VAR:-$KEPOS_ROOT/var}
export KEPOS_DB=${KEPOS_DB:-kepos}
export KEPOS_PORT=${KEPOS_PORT:-8069}
export KEPOS_NODE_MODULES=${KEPOS_NODE_MODULES:-$KEPOS_ROOT/node_modules}
# lessc (web client assets) and the patched wkhtmltopdf (PDF headers) must be on PATH
# before Odoo starts: Odoo looks them up once.
export PATH="$KEPOS_VAR/bin:$KEPOS_NODE_MODULES/.bin:$PATH"
export TZ=UTC
mkdir -p "$KEPOS_VAR"/{bin,log,data,cache}

log() { printf '\033[1m[kepos]\033[0m %s\n' "$*" >&2; }
