#!/usr/bin/env bash
# One epoch of the CNN on the GPU and on the CPU, same seed and data, one JVM each; prints the
# device, samples/s, training seconds and test accuracy of both. Needs a machine with a GPU and an
# engine that sees it (docs/gpu.md: PYTORCH_LIBRARY_PATH to a CUDA libtorch); without one the GPU
# run stops with mnistlab's one-line reason and exit code 2.
# Usage: docs/benchmarks/gpu-vs-cpu.sh [ENGINE]   (default pytorch; DATA=folder, default ../shared/data/mnist)
set -eu
cd "$(dirname "$0")/../.."
engine=${1:-pytorch}
data=${DATA:-../shared/data/mnist}
./mnistlab --version > /dev/null   # builds the command line if needed
for device in gpu cpu; do
  json=$(./mnistlab train --engine "$engine" --model cnn --epochs 1 --device $device --data-dir "$data" --json --quiet)
  python3 -c 'import json, sys
d = json.loads(sys.argv[1]); e = d["epochs"][-1]
print("%3s: %-8s %9.0f samples/s %7.1f s  test accuracy %.4f"
      % (sys.argv[2], d["device"], e["samplesPerSecond"], d["trainSeconds"], d["testAccuracy"]))' "$json" $device
done
