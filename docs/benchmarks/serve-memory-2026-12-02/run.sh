#!/usr/bin/env bash
# Memory rows of docs/serving.md: for each engine and model, a 20 s warm-up then 5 x 60 s of wrk -c32,
# the resident memory after each. Models and digits from docs/benchmarks/serve-load.sh in /tmp/serve-load.
set -eu
cd "$(dirname "$0")/../../.."
out=/tmp/serve-load; port=18130; res=/tmp/mem-results.txt
: > $res
for engine in pytorch mxnet; do for model in mlp cnn; do
  ./mnistlab serve --engine $engine --model $model=$out/models/$model --port $port > /tmp/mem-$engine-$model.log 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do curl -sf http://127.0.0.1:$port/ping >/dev/null && break; sleep 0.5; done
  url=http://127.0.0.1:$port/predictions/$model
  echo "$engine $model start rss $(awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' /proc/$pid/status)" >> $res
  wrk -t2 -c32 -d20s $url -s docs/benchmarks/serve-load.lua -- $out/digits > /dev/null
  for run in 1 2 3 4 5; do
    wrk -t2 -c32 -d60s --latency $url -s docs/benchmarks/serve-load.lua -- $out/digits > /tmp/mem-$engine-$model-$run.txt
    echo "$engine $model run $run rss $(awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' /proc/$pid/status) $(grep Requests/sec /tmp/mem-$engine-$model-$run.txt) p99 $(grep ' 99%' /tmp/mem-$engine-$model-$run.txt | awk '{print $2}') errors $(grep -c 'Non-2xx\|Socket errors' /tmp/mem-$engine-$model-$run.txt)" >> $res
  done
  kill -TERM $pid; wait $pid || true
done; done
