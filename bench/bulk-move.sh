#!/usr/bin/env bash
# Measures the bulk-move benchmark and writes its section of docs/benchmarks.md (see bench/README.md).
source "$(dirname "$0")/lib.sh"
run_scenario bulk-move
