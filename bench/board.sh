#!/usr/bin/env bash
# Measures the board benchmark and writes its section of docs/benchmarks.md (see bench/README.md).
source "$(dirname "$0")/lib.sh"
run_scenario board
