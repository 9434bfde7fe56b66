#!/usr/bin/env bash
# test/fuzz/run.sh [--smoke]: builds one libFuzzer binary per core entry
# point (clang-14, -fsanitize=fuzzer,address,undefined, the backend-free core
# and the standalone host of test/core), seeds each from the shared corpus
# ($PG_NEWS_SHARED/corpus, read at build time, never copied into the repo)
# plus the hand-made seeds in test/fuzz/seeds/, and runs each target.
#
#   --smoke      a fixed seed and a fixed number of inputs per target, a few
#                seconds each, on a dozen seeds (`make test`)
#   default      FUZZ_SECONDS per target (300), every corpus page as seed,
#                then every corpus page replayed whole under the sanitizers
#                (`make fuzz`)
# Crashes land in FUZZ_ARTIFACTS (default /tmp/pg_news-fuzz-artifacts); the
# script exits non-zero if any target crashed, leaked or timed out.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$top"

smoke=0
[ "${1:-}" = --smoke ] && smoke=1
seconds=${FUZZ_SECONDS:-300}
# The corpus sits beside the main checkout; a worktree finds it through git.
shared=${PG_NEWS_SHARED:-$top/../shared}
if [ ! -d "$shared/corpus" ] && common=$(git rev-parse --path-format=absolute --git-common-dir 2>/dev/null); then
    shared=$(dirname "$(dirname "$common")")/shared
fi
artifacts=${FUZZ_ARTIFACTS:-/tmp/pg_news-fuzz-artifacts}
cc=${FUZZ_CC:-clang-14}

if ! command -v "$cc" >/dev/null; then
    echo "test/fuzz: $cc not found; install clang-14 and libclang-rt-14-dev" >&2
    exit 1
fi

out=$(mktemp -d /tmp/pg_news-fuzz.XXXXXX)
trap 'rm -rf "$out"' EXIT
mkdir -p "$artifacts"

# The core and the host once, instrumented; each target links them.
cflags=(-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined
        -fno-sanitize-recover=undefined -Wno-unused-parameter -Wno-ignored-attributes
        -Isrc/core -Itest/core -I"$(pg_config --includedir-server)" $(xml2-config --cflags))
libs=($(xml2-config --libs) -L"$(pg_config --pkglibdir)" -L"$(pg_config --libdir)" -lpgcommon -lpgport -lm)
objs=()
for src in src/core/*.c test/core/nc_test_host.c; do
    obj="$out/$(basename "$src" .c).o"
    "$cc" "${cflags[@]}" -c -o "$obj" "$src" 2>"$out/cc.log" || { cat "$out/cc.log" >&2; exit 1; }
    objs+=("$obj")
done

python3 test/fuzz/seeds.py "$out/seeds" "$shared/corpus" $([ $smoke = 1 ] && echo --small)

# A target per core entry point whose code is on this branch.
targets=()
for t in test/fuzz/fuzz_*.c; do
    name=$(basename "$t" .c)
    name=${name#fuzz_}
    "$cc" "${cflags[@]}" -fsanitize=fuzzer -o "$out/fuzz_$name" "$t" "${objs[@]}" "${libs[@]}"
    targets+=("$name")
done

status=0
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$top/test/fuzz/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
for name in "${targets[@]}"; do
    dict=()
    [ -f "test/fuzz/$name.dict" ] && dict=(-dict="test/fuzz/$name.dict")
    max_len=4096
    [ "$name" = article ] && max_len=262144
    mkdir -p "$out/corpus-$name"
    log="$out/$name.log"
    # The smoke run in `make test` must be reproducible: a fixed seed and a
    # fixed number of inputs (a few seconds' worth), so CI only fails on a
    # change, never on a lucky draw; the long run explores at random.
    if [ $smoke = 1 ]; then
        case $name in
            article) budget=(-seed=1 -runs=400) ;;
            analysis) budget=(-seed=1 -runs=1500) ;;
            *) budget=(-seed=1 -runs=40000) ;;
        esac
    else
        budget=(-max_total_time="$seconds")
    fi
    if "$out/fuzz_$name" "${dict[@]}" -max_len=$max_len "${budget[@]}" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/$name-" \
        "$out/corpus-$name" "$out/seeds/$name" >"$log" 2>&1; then
        result=ok
    else
        result=FAILED
        status=1
        grep -E 'ERROR|SUMMARY|^#|Test unit written' "$log" | tail -20 >&2
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    cov=$(grep -E '^#[0-9]+' "$log" | tail -1 | grep -o 'cov: [0-9]* ft: [0-9]*' || true)
    echo "fuzz $name: $result, ${runs:-?} runs, $cov, corpus $(ls "$out/corpus-$name" | wc -l) new + $(ls "$out/seeds/$name" | wc -l) seeds"
done

# The long run also replays every corpus page whole (no length cap) under
# the sanitizers: the regression fixtures for ASan + UBSan.
if [ $smoke = 0 ] && [ -d "$shared/corpus" ]; then
    mkdir -p "$out/pages"
    for gz in "$shared"/corpus/*/pages/*.html.gz; do
        gzip -dc "$gz" >"$out/pages/$(basename "$(dirname "$(dirname "$gz")")")-$(basename "$gz" .gz)"
    done
    cp test/fixtures/*.html "$out/pages/" 2>/dev/null || true
    if "$out/fuzz_article" -runs=0 "$out/pages"/* >"$out/replay.log" 2>&1; then
        echo "replay: $(ls "$out/pages" | wc -l) corpus pages and fixtures through fuzz_article under ASan+UBSan: clean"
    else
        status=1
        grep -E 'ERROR|SUMMARY' "$out/replay.log" | head -20 >&2
        echo "replay: FAILED" >&2
    fi
fi
exit $status
