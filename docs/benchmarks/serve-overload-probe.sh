#!/usr/bin/env bash
# A short overload probe of `mnistlab serve` (the overload step of serve-load.sh, 20 s per phase):
# a service with --max-queue 64, a 10 s warm-up, 32 wrk clients for the baseline p99, then 512 hey
# clients; prints both rates, the 503 count and the p50/p99 of the accepted requests.
# Usage: docs/benchmarks/serve-overload-probe.sh ENGINE MODEL LABEL [serve options...]
#        (models and digits from serve-load.sh in $OUT, default /tmp/serve-load; D=20 seconds a phase)
set -euo pipefail
engine=$1 model=$2 label=$3; shift 3
cd "$(dirname "$0")/../.."
out=${OUT:-/tmp/serve-load}
port=${PORT:-18124}
duration=${D:-20}
./mnistlab serve --engine "$engine" --model "$model=$out/models/$model" --port "$port" --max-queue 64 "$@" \
  > "$out/probe-$label.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/ping" > /dev/null && break; sleep 0.5; done
url=http://127.0.0.1:$port/predictions/$model
wrk -t2 -c32 -d10s "$url" -s docs/benchmarks/serve-load.lua -- "$out/digits" > /dev/null
wrk -t2 -c32 -d"${duration}s" --latency "$url" -s docs/benchmarks/serve-load.lua -- "$out/digits" \
  > "$out/probe-$label-wrk.txt"
hey -z "${duration}s" -c 512 -m POST -T image/png -D "$out/digits/000.png" -o csv "$url" > "$out/probe-$label.csv"
kill -TERM "$pid"
wait "$pid" || true
python3 - "$out/probe-$label.csv" "$out/probe-$label-wrk.txt" "$label" "$duration" <<'PY'
import csv, re, sys
rows = list(csv.DictReader(open(sys.argv[1])))
accepted = sorted(float(r["response-time"]) for r in rows if r["status-code"] == "200")
refused = sum(1 for r in rows if r["status-code"] == "503")
wrk = open(sys.argv[2]).read()
rate = re.search(r"Requests/sec:\s+([\d.]+)", wrk).group(1)
p99 = "".join(re.search(r"99%\s+([\d.]+)(\w+)", wrk).groups())
print(f"{sys.argv[3]}: 32 clients {rate} req/s p99 {p99} | 512 clients: {len(accepted) / float(sys.argv[4]):.0f}"
      f" accepted/s, {refused} 503s, {len(rows) - len(accepted) - refused} other,"
      f" p50 {accepted[len(accepted) // 2] * 1000:.1f} ms p99 {accepted[int(0.99 * len(accepted))] * 1000:.1f} ms")
PY
