#!/usr/bin/env bash
# One service, a 10 s warm-up, then two 20 s runs of 32 wrk clients POSTing MNIST digit PNGs;
# prints latency percentiles (serve-load.lua's RESULT line). Uses the models and digits that
# docs/benchmarks/serve-load.sh leaves in /tmp/serve-load (MODELS=, DIGITS= to change).
# Usage: probe.sh LABEL [serve options...]   (JAVA_OPTS passes through; ENGINE, MODEL, WRK_THREADS)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
label=$1; shift
models=${MODELS:-/tmp/serve-load/models}
digits=${DIGITS:-/tmp/serve-load/digits}
url=http://127.0.0.1:18124/predictions/mlp
cd "$here/../../.."
./mnistlab serve --engine "${ENGINE:-pytorch}" --model "mlp=$models/${MODEL:-mlp}" --port 18124 "$@" \
  > "/tmp/probe-serve-$label.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -sf http://127.0.0.1:18124/ping > /dev/null && break; sleep 0.5; done
wrk -t2 -c32 -d10s "$url" -s "$here/../serve-load.lua" -- "$digits" > /dev/null
for _ in 1 2; do
  echo "$label $(wrk -t"${WRK_THREADS:-2}" -c32 -d20s "$url" -s "$here/../serve-load.lua" -- "$digits" | grep RESULT)"
done
kill -TERM "$pid"
wait "$pid"
