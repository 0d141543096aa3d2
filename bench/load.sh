#!/usr/bin/env bash
# Load run against a release server on this machine: start-up time, then unary, batch and
# stream at peak (closed loop), then unary at 80% of the unary peak (open loop), each with
# latency percentiles, errors by status, server CPU per article and the server's peak RSS.
#
#   bench/load.sh            # DURATION=10 CONCURRENCY=4 BATCH=16 CORPUS=bench/corpus
#
# Client and server share the machine: on 2 cores the client's own CPU is part of the picture.
set -euo pipefail
cd "$(dirname "$0")/.."
addr=127.0.0.1:${PORT:-50177}
duration=${DURATION:-10}
concurrency=${CONCURRENCY:-4}
batch=${BATCH:-16}
corpus=${CORPUS:-bench/corpus}
target=${CARGO_TARGET_DIR:-target}
cargo build --quiet --release --bin copydesk --bin copydesk-load
load="$target/release/copydesk-load --addr $addr --corpus $corpus"

# Per-request logs would cost the server CPU: warnings only, to a file.
t0=$(date +%s%N)
RUST_LOG=${SERVER_LOG:-warn} "$target/release/copydesk" serve --listen "$addr" --admin-listen off \
  2>"$target/load-server.log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
t1=$(date +%s%N)
echo "== start-up (loader started $(( (t1 - t0) / 1000000 )) ms after the server; add that)"
$load --ready-timeout-secs 10 --duration-secs 0 --concurrency 1 | grep -E "listening|first answer"

run() { echo "== $*"; $load --server-pid "$server" --duration-secs "$duration" "$@"; }
unary=$(run --mode unary --concurrency "$concurrency")
echo "$unary"
run --mode batch --concurrency 2 --batch-size "$batch"
run --mode stream --concurrency 2 --batch-size "$batch"
peak=$(sed -n 's/.*articles [0-9]* (\([0-9.]*\)\/s).*/\1/p' <<<"$unary")
rate=$(python3 -c "print(round(0.8 * $peak, 1))")
run --mode unary --concurrency "$concurrency" --rate "$rate"
