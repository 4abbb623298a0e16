#!/usr/bin/env bash
# Load on `mnistlab serve`, measured on this machine with wrk and hey (Debian: apt-get install wrk hey),
# with what each figure is compared against measured in the same run:
#   1. for each engine and model: a 20 s warm-up, then RUNS measured runs of DURATION with
#      32 keep-alive clients POSTing PNGs of 100 MNIST test digits in turn (wrk); the service's
#      resident memory after each run;
#   2. in-process batch-256 throughput of the same models through `mnistlab compare` (the CNN's
#      figure is what the service's throughput is held against);
#   3. overload: 512 clients against --max-queue 64 (hey, per-request CSV), p99 of the accepted
#      requests against the 32-client p99 of the same model.
# Usage: docs/benchmarks/serve-load.sh   (OUT=folder, default /tmp/serve-load; DURATION=60s; RUNS=5;
#        ENGINES="pytorch mxnet"; MODELS="mlp cnn"; STEPS="load compare overload", any of the three)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mnistlab --version > /dev/null   # builds the command line if needed
out=${OUT:-/tmp/serve-load}
duration=${DURATION:-60s}
runs=${RUNS:-5}
port=${PORT:-18123}
data=../shared/data/mnist
mkdir -p "$out/digits" "$out/models"
{ lscpu | grep -E "Model name|^CPU\(s\)|Flags"; date -u +%FT%TZ; wrk --version 2>&1 | head -1 || true; } > "$out/machine.txt"

for model in mlp cnn; do
  [[ -f "$out/models/$model/model.json" ]] ||
    ./mnistlab train --model "$model" --data-dir "$data" --output "$out/models/$model" --quiet
done
# PNGs of the first 100 test digits, as MNIST has them (28x28, grey).
python3 - "$data" "$out/digits" <<'PY'
import gzip, struct, sys, zlib
data, folder = sys.argv[1], sys.argv[2]
pixels = gzip.open(f"{data}/t10k-images-idx3-ubyte.gz").read()[16:]
def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
for n in range(100):
    image = pixels[784 * n:784 * (n + 1)]
    rows = b"".join(b"\x00" + image[28 * r:28 * (r + 1)] for r in range(28))
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 28, 28, 8, 0, 0, 0, 0)) \
        + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    open(f"{folder}/{n:03d}.png", "wb").write(png)
PY

serve_pid=
start_serve() { # engine model [extra options]
  local engine=$1 model=$2; shift 2
  ./mnistlab serve --engine "$engine" --model "$model=$out/models/$model" --port "$port" "$@" \
    > "$out/serve-$engine-$model.log" 2>&1 &
  serve_pid=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/ping" > /dev/null && return 0
    sleep 0.5
  done
  echo "serve did not start; see $out/serve-$engine-$model.log" >&2
  exit 1
}
stop_serve() {
  kill -TERM "$serve_pid"
  wait "$serve_pid" || { echo "serve exited with $?" >&2; exit 1; }
}
rss_mib() { awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$serve_pid/status"; }

steps=" ${STEPS:-load compare overload} "
models=${MODELS:-mlp cnn}
for engine in ${ENGINES:-pytorch mxnet}; do
  for model in $models; do
    [[ $steps == *" load "* ]] || continue
    start_serve "$engine" "$model"
    url="http://127.0.0.1:$port/predictions/$model"
    wrk -t2 -c32 -d20s "$url" -s docs/benchmarks/serve-load.lua -- "$out/digits" > "$out/warmup-$engine-$model.txt"
    for run in $(seq 1 "$runs"); do
      wrk -t2 -c32 -d"$duration" --latency "$url" -s docs/benchmarks/serve-load.lua -- "$out/digits" \
        > "$out/wrk-$engine-$model-$run.txt"
      echo "$engine $model run $run: rss $(rss_mib) MiB" >> "$out/rss.txt"
    done
    stop_serve
  done
  [[ $steps != *" compare "* ]] ||
    ./mnistlab compare --engines "$engine" --models "${models// /,}" --limit-batches 100 --data-dir "$data" \
    --output "$out/compare-$engine" --quiet > /dev/null

  for model in $models; do
    [[ $steps == *" overload "* ]] || continue
    start_serve "$engine" "$model" --max-queue 64
    wrk -t2 -c32 -d20s "http://127.0.0.1:$port/predictions/$model" -s docs/benchmarks/serve-load.lua \
      -- "$out/digits" > /dev/null
    hey -z "$duration" -c 512 -m POST -T image/png -D "$out/digits/000.png" -o csv \
      "http://127.0.0.1:$port/predictions/$model" > "$out/overload-$engine-$model.csv"
    curl -sf "http://127.0.0.1:$port/ping" > "$out/overload-$engine-$model-ping.txt"
    stop_serve
  done
done
python3 docs/benchmarks/serve-summary.py "$out" | tee "$out/summary.md"
