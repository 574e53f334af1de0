#!/usr/bin/env bash
# Measures a bulk result announcement of 10,000 messages to a local SMTP sink (Postfix's smtp-sink), beside the rate
# of Postfix's smtp-source blasting the same sink, and writes its section of docs/benchmarks.md (see bench/README.md).
source "$(dirname "$0")/lib.sh"
if ! command -v smtp-sink > /dev/null; then
  echo "smtp-sink and smtp-source come with Postfix: DEBIAN_FRONTEND=noninteractive apt-get install -y postfix" >&2
  exit 1
fi
export BENCH_SINK_PORT="${BENCH_SINK_PORT:-2526}"
smtp-sink -u nobody "127.0.0.1:$BENCH_SINK_PORT" 1000 > "$WORK/smtp-sink.log" 2>&1 &
SINK=$!
trap "kill $SINK 2>/dev/null" EXIT
export SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$BENCH_SINK_PORT" HIREFLOW_SMTP_STARTTLS=false
run_scenario announcement
