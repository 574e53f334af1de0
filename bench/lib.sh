#!/usr/bin/env bash
# Shared by the benchmark scripts: build Hireflow, start it at -Xmx512m on a fresh embedded PostgreSQL, run one
# scenario of Bench.java against it, stop it. Run from anywhere; results go to docs/benchmarks.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$ROOT/bench/target"
PORT="${BENCH_PORT:-18080}"
EMAIL="bench@hireflow.local"
PASSWORD="bench-password-$$"
mkdir -p "$WORK"

run_scenario() {
  local scenario="$1"
  cd "$ROOT"
  if [[ "${BENCH_SKIP_BUILD:-}" != "true" ]]; then
    ./mvnw -q -B -DskipTests package
  fi
  local jar
  jar="$(ls target/hireflow-*.jar | grep -v original | head -1)"
  # the PostgreSQL driver the application itself ships, for the bare queries
  (cd "$WORK" && rm -rf BOOT-INF && jar xf "$ROOT/$jar" $(jar tf "$ROOT/$jar" | grep 'BOOT-INF/lib/postgresql-'))
  local driver
  driver="$(ls "$WORK"/BOOT-INF/lib/postgresql-*.jar)"

  local data="$WORK/data-$scenario"
  rm -rf "$data"
  HIREFLOW_DATA_DIR="$data" HIREFLOW_DEMO=false HIREFLOW_ADMIN_EMAIL="$EMAIL" HIREFLOW_ADMIN_PASSWORD="$PASSWORD" \
    PORT="$PORT" java -Xmx512m ${BENCH_JVM_OPTS:-} -jar "$jar" > "$WORK/$scenario.log" 2>&1 &
  local app=$!
  trap "kill $app ${SINK:-} 2>/dev/null; wait $app 2>/dev/null || true" EXIT
  BENCH_APP_PID=$app java -cp "$driver" bench/Bench.java "$scenario" "http://localhost:$PORT" "$data" "$EMAIL" \
    "$PASSWORD"
}
