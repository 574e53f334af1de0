#!/usr/bin/env bash
# Every benchmark, one after the other, on one build.
set -euo pipefail
cd "$(dirname "$0")"
./board.sh
BENCH_SKIP_BUILD=true ./bulk-move.sh
BENCH_SKIP_BUILD=true ./add-to-pipeline.sh
BENCH_SKIP_BUILD=true ./apply.sh
BENCH_SKIP_BUILD=true ./announcement.sh
BENCH_SKIP_BUILD=true ./promise-watch.sh
BENCH_SKIP_BUILD=true ./online-test.sh
BENCH_SKIP_BUILD=true ./interviews.sh
