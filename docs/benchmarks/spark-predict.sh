#!/usr/bin/env bash
# Spark predict against single-JVM 'mnistlab predict', side by side in one run (docs/scale.md).
#
# Writes the 10,000 MNIST test images as PNG files (and a second set of 50,000: the same files five
# times over), trains the seed MLP, then times whole commands, alternating, RUNS times each:
#   single      ./mnistlab predict --model M DIR --json
#   local[1]    ./mnistlab spark predict --master local[1] --model M --images DIR --output OUT
#   local[2]    ./mnistlab spark predict --master local[2] ...
# Each command's throughput is reported two ways: end to end (images / wall time of the command on
# 10,000 files, JVM and Spark start included) and marginal (40,000 / the difference between the
# 50,000- and the 10,000-file runs: the cost per image once everything has started).
# Then the same jobs in JVMs that stay up (dev.mnistlab.bench.SparkPredictComparison): each mode
# runs the job on the 10,000 files WARM_JOBS times in one JVM (one Spark session for local[N]);
# the median of the later half is the job's time once the JIT compilers have done most of their work.
#
# Usage: docs/benchmarks/spark-predict.sh [WORK_DIR]   (RUNS=3, MODEL=mlp|cnn, WARM_JOBS=40)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-/tmp/mnistlab-spark-bench}"
runs="${RUNS:-3}"
warm_jobs="${WARM_JOBS:-40}"
for count in "RUNS=$runs" "WARM_JOBS=$warm_jobs"; do
  [[ "${count#*=}" =~ ^[1-9][0-9]*$ ]] || { echo "spark-predict.sh: ${count%%=*} must be a whole number from 1, got '${count#*=}'" >&2; exit 2; }
done
model_kind="${MODEL:-mlp}"
data="$root/../shared/data/mnist"
mkdir -p "$work"
cd "$root"

if [[ ! -d "$work/png10k" ]]; then
  python3 - "$data" "$work" <<'PY'
import gzip, os, struct, sys, zlib
data, work = sys.argv[1], sys.argv[2]
images = gzip.open(data + "/t10k-images-idx3-ubyte.gz").read()[16:]
labels = gzip.open(data + "/t10k-labels-idx1-ubyte.gz").read()[8:]
def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
def png(pixels):
    rows = b"".join(b"\x00" + pixels[r * 28:(r + 1) * 28] for r in range(28))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 28, 28, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
os.makedirs(work + "/png10k")
for i in range(10000):
    with open("%s/png10k/%05d-%d.png" % (work, i, labels[i]), "wb") as f:
        f.write(png(images[i * 784:(i + 1) * 784]))
PY
  for copy in 1 2 3 4 5; do
    mkdir -p "$work/png50k/copy$copy"
    cp -l "$work"/png10k/*.png "$work/png50k/copy$copy/"
  done
fi
model="$work/model-$model_kind"
if [[ ! -d "$model" ]]; then
  ./mnistlab train --data-dir "$data" --model "$model_kind" --epochs 1 --output "$model" --quiet
fi
# Build both launchers and the benchmarks before timing anything.
./mnistlab --version > /dev/null
./mnistlab spark --version > /dev/null
# Debian's Maven prints colour resets even with -q; strip them.
{
  mvn -q -B -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true install -pl benchmarks -am
  mvn -q -B dependency:build-classpath -pl benchmarks -Dmdep.outputFile="$work/bench-classpath.txt"
} 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2
spark_opts="$(sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' spark/pom.xml | head -n 1)"

seconds() { # command...: wall seconds
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null 2>&1
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
run() { # name set
  local out="$work/out-$1-$2"
  rm -rf "$out"
  case "$1" in
    single) seconds ./mnistlab predict --model "$model" "$work/$2" --json ;;
    *) seconds ./mnistlab spark predict --master "$1" --model "$model" --images "$work/$2" --output "$out" --quiet ;;
  esac
}

{
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, model $model_kind"
  echo "# flags: $(grep -o -w 'avx2\|avx512f\|avx512_bf16\|amx_tile' /proc/cpuinfo | sort -u | tr '\n' ' ')"
  echo "command set run seconds"
  for ((r = 1; r <= runs; r++)); do
    for cmd in single 'local[1]' 'local[2]'; do
      for set in png10k png50k; do
        echo "$cmd $set $r $(run "$cmd" "$set")"
      done
    done
  done
} | tee "$work/times.txt"

rm -f "$work/warm.jsonl"
for ((r = 1; r <= runs; r++)); do
  for mode in single 'local[1]' 'local[2]'; do
    rm -rf "$work/warm"
    # shellcheck disable=SC2086
    java $spark_opts -Dlog4j2.configurationFile=classpath:dev/mnistlab/spark/launcher-log4j2.properties \
      -cp "benchmarks/target/classes:$(cat "$work/bench-classpath.txt")" dev.mnistlab.bench.SparkPredictComparison \
      "$mode" "$work/png10k" "$model" "$work/warm" "$warm_jobs" 2> "$work/warm-$mode-$r.log" | tee -a "$work/warm.jsonl"
  done
done
rm -rf "$work/warm"

python3 - "$work/times.txt" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line[0] not in "#c"]
median = {}
for cmd, s, _, t in rows:
    median.setdefault((cmd, s), []).append(float(t))
median = {k: statistics.median(v) for k, v in median.items()}
print("\n| command | 10,000 files, s | images/s end to end | 50,000 files, s | marginal images/s |")
print("|---|---|---|---|---|")
rate = {}
for cmd in ["single", "local[1]", "local[2]"]:
    t10, t50 = median[(cmd, "png10k")], median[(cmd, "png50k")]
    rate[cmd] = 40000 / (t50 - t10)
    print(f"| {cmd} | {t10:.2f} | {10000 / t10:,.0f} | {t50:.2f} | {rate[cmd]:,.0f} |")
print(f"\nlocal[2] / single, marginal: {rate['local[2]'] / rate['single']:.2f}; "
      f"local[2] / local[1], marginal: {rate['local[2]'] / rate['local[1]']:.2f}")
PY

python3 - "$work/warm.jsonl" <<'PY'
import json, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    result = json.loads(line)
    runs.setdefault(result["mode"], []).append(result)
print("\n| JVM that stays up, 10,000 files | first job, s | later jobs, s (median of runs) | images/s |")
print("|---|---|---|---|")
later = {}
for mode in ["single", "local[1]", "local[2]"]:
    first = statistics.median(r["firstSeconds"] for r in runs[mode])
    later[mode] = statistics.median(r["laterMedianSeconds"] for r in runs[mode])
    each = ", ".join(f"{r['laterMedianSeconds']:.3f}" for r in runs[mode])
    print(f"| {mode} | {first:.2f} | {later[mode]:.3f} ({each}) | {10000 / later[mode]:,.0f} |")
print(f"\nlater jobs: local[2] / single {later['single'] / later['local[2]']:.2f}; "
      f"local[2] / local[1] {later['local[1]'] / later['local[2]']:.2f}")
PY
