#!/usr/bin/env bash
# Measures the promise watch's looks and writes its section of docs/benchmarks.md (see bench/README.md). The data is
# written while the application runs without its watch; then it is started again with its watch on every half second
# and its looks timed in its log.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
mkdir -p "$WORK"
if [[ "${BENCH_SKIP_BUILD:-}" != "true" ]]; then
  ./mvnw -q -B -DskipTests package
fi
JAR="$(ls target/hireflow-*.jar | grep -v original | head -1)"
(cd "$WORK" && rm -rf BOOT-INF && jar xf "$ROOT/$JAR" $(jar tf "$ROOT/$JAR" | grep 'BOOT-INF/lib/postgresql-'))
DRIVER="$(ls "$WORK"/BOOT-INF/lib/postgresql-*.jar)"
DATA="$WORK/data-promise-watch"
LOG="$WORK/promise-watch.log"
rm -rf "$DATA"

start() {
  HIREFLOW_DATA_DIR="$DATA" HIREFLOW_DEMO=false HIREFLOW_ADMIN_EMAIL="$EMAIL" HIREFLOW_ADMIN_PASSWORD="$PASSWORD" \
    PORT="$PORT" java -Xmx512m ${BENCH_JVM_OPTS:-} -jar "$JAR" "$@" > "$LOG" 2>&1 &
  APP=$!
  trap "kill $APP 2>/dev/null; wait $APP 2>/dev/null || true" EXIT
}

start --hireflow.notifications.watch=false --hireflow.notifications.dispatch=false
java -cp "$DRIVER" bench/Bench.java promise-watch-data "http://localhost:$PORT" "$DATA" "$EMAIL" "$PASSWORD"
kill "$APP"; wait "$APP" 2>/dev/null || true

start --hireflow.notifications.watch=true --hireflow.notifications.dispatch=false \
  --hireflow.notifications.watch-interval=500ms --hireflow.notifications.message-watch-interval=500ms \
  ${BENCH_WATCH_ARGS:-} \
  --logging.level.io.hireflow.notifications.PromiseWatch=DEBUG
BENCH_APP_LOG="$LOG" java -cp "$DRIVER" bench/Bench.java promise-watch "http://localhost:$PORT" "$DATA" "$EMAIL" \
  "$PASSWORD"
