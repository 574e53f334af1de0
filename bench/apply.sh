#!/usr/bin/env bash
# Measures public applies on the careers site (32 clients, a 200 KB PDF résumé each) beside /actuator/health, then the
# time until every résumé's text is read, and writes its section of docs/benchmarks.md (see bench/README.md).
source "$(dirname "$0")/lib.sh"
# every client of the benchmark comes from 127.0.0.1, and the defaults allow 30 applies an hour from one address
export HIREFLOW_APPLIES_PER_ADDRESS_PER_HOUR=100000000 HIREFLOW_APPLIES_PER_EMAIL_PER_DAY=1000
run_scenario apply
