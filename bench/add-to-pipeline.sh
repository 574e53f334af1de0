#!/usr/bin/env bash
# Measures the add-to-pipeline benchmark and writes its section of docs/benchmarks.md (see bench/README.md).
source "$(dirname "$0")/lib.sh"
run_scenario add-to-pipeline
