#!/usr/bin/env bash
# Measures an interviewer's Interviews page with 10,000 interviews in the database, beside /actuator/health, then the
# invites of 1,000 interviews scheduled through the API until a local SMTP sink (Postfix's smtp-sink) has accepted all
# of them, and writes its section of docs/benchmarks.md (see bench/README.md).
source "$(dirname "$0")/lib.sh"
if ! command -v smtp-sink > /dev/null; then
  echo "smtp-sink and smtp-source come with Postfix: DEBIAN_FRONTEND=noninteractive apt-get install -y postfix" >&2
  exit 1
fi
export BENCH_SINK_PORT="${BENCH_SINK_PORT:-2527}"
smtp-sink -u nobody "127.0.0.1:$BENCH_SINK_PORT" 1000 > "$WORK/smtp-sink-interviews.log" 2>&1 &
SINK=$!
trap "kill $SINK 2>/dev/null" EXIT
export SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$BENCH_SINK_PORT" HIREFLOW_SMTP_STARTTLS=false
run_scenario interviews
