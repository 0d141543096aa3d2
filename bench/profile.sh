#!/usr/bin/env bash
# Millions of instructions per article, per stage, over bench/corpus (6 pages,
# 3.7 KB mean), counted by callgrind: independent of the machine's load.
# Usage: bench/profile.sh [ROUNDS]   (default 5; needs valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"
cargo bench --bench stages --no-run 2>/dev/null
bin="$(ls -t target/release/deps/stages-* | grep -v '\.d$' | head -1)"
out="$(mktemp /tmp/copydesk-callgrind.XXXXXX)"
args=()
for stage in language structure dates attribution tags topics; do
    args+=(--toggle-collect="stages::run_$stage")
done
valgrind --tool=callgrind --callgrind-out-file="$out" "${args[@]}" "$bin" "$rounds" >/dev/null 2>&1
callgrind_annotate --inclusive=yes "$out" 2>/dev/null |
    awk -v n="$((rounds * 6))" '
        /PROGRAM TOTALS/ { gsub(",", "", $1); total = $1 }
        /stages::run_[a-z]+ / && /\[/ {
            gsub(",", "", $1); split($0, f, "stages::run_"); split(f[2], g, " ");
            printf "%-12s %6.2f M\n", g[1], $1 / n / 1e6
        }
        END { printf "%-12s %6.2f M instructions per article\n", "total", total / n / 1e6 }'
echo "(callgrind output: $out)"
