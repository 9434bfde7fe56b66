#!/usr/bin/env bash
# test/harness/packages.sh: installs the Debian packages pg_news builds and
# tests with, only those missing, so a second run costs a few dpkg queries.
set -euo pipefail

packages=(postgresql-15 postgresql-server-dev-15 libxml2-dev postgresql-15-pgtap
          libtap-parser-sourcehandler-pgtap-perl zlib1g-dev libpq-dev clang-14 libclang-rt-14-dev
          ${PG_NEWS_EXTRA_PACKAGES:-})
missing=()
for pkg in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = installed ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "pg_news: installing missing Debian packages: ${missing[*]}" >&2
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO=(sudo); else
        echo "pg_news: cannot install ${missing[*]}: not root and no sudo." >&2
        echo "pg_news: install them with apt-get as root, then run this again." >&2
        exit 1
    fi
else
    SUDO=()
fi
export DEBIAN_FRONTEND=noninteractive
apt_get() { "${SUDO[@]}" apt-get -q -o DPkg::Lock::Timeout=300 "$@" </dev/null; }
if ! apt_get update >/tmp/pg_news-apt.log 2>&1 ||
   ! apt_get install -y --no-install-recommends "${missing[@]}" >>/tmp/pg_news-apt.log 2>&1; then
    tail -20 /tmp/pg_news-apt.log >&2
    echo "pg_news: apt-get could not install ${missing[*]} (log: /tmp/pg_news-apt.log)." >&2
    exit 1
fi
