#!/usr/bin/env bash
# test/core/run.sh: builds every test/core/test_*.c against the backend-free
# core and the standalone host, and runs them as TAP under prove.  With
# NC_SANITIZE=1 the core is built with AddressSanitizer and UBSan.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$top"
out=$(mktemp -d /tmp/pg_news-core.XXXXXX)
trap 'rm -rf "$out"' EXIT

libdir=$(pg_config --libdir)
pkglibdir=$(pg_config --pkglibdir)
cflags=(-O1 -g -Wall -Wno-unused-parameter -Isrc/core -Itest/core -I"$(pg_config --includedir-server)"
        $(xml2-config --cflags))
libs=($(xml2-config --libs) -L"$pkglibdir" -L"$libdir" -lpgcommon -lpgport -lm)
cc=${CC:-cc}
if [ "${NC_SANITIZE:-0}" = 1 ]; then
    cc=${CC:-clang-14}
    cflags+=(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
fi

tests=()
for t in test/core/test_*.c; do
    [ -e "$t" ] || continue
    bin="$out/$(basename "$t" .c)"
    "$cc" "${cflags[@]}" -o "$bin" "$t" test/core/nc_test_host.c src/core/*.c "${libs[@]}"
    tests+=("$bin")
done
[ ${#tests[@]} -eq 0 ] && exit 0
prove --exec '' "${tests[@]}"
