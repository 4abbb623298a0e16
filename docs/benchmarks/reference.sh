#!/usr/bin/env bash
# Side by side with PyTorch in Python, at equal thread counts, in one run: for each thread count,
# the Python reference (../shared/bench/torch_reference.py; needs python3-torch and
# libopenblas0-pthread, and names its BLAS core) for the MLP and the CNN, then
# `mnistlab compare --threads N` for both engines and both models. Interleaved by thread count so
# a slow spell of the machine shows in both sides.
# Usage: docs/benchmarks/reference.sh   (THREADS="1 2" by default; OUT=folder, default /tmp/reference)
set -eu
cd "$(dirname "$0")/../.."
./mnistlab --version > /dev/null   # builds the command line if needed
out=${OUT:-/tmp/reference}
mkdir -p "$out"
lscpu | grep -E "Model name|^CPU\(s\)|Flags" > "$out/machine.txt"
date -u +%FT%TZ >> "$out/machine.txt"
for t in ${THREADS:-1 2}; do
  for model in mlp cnn; do
    # OpenBLAS keeps its own thread pool, which torch.set_num_threads does not reach.
    REF_THREADS=$t OPENBLAS_NUM_THREADS=$t /usr/bin/python3 ../shared/bench/torch_reference.py $model | tail -1 >> "$out/python.jsonl"
  done
  ./mnistlab compare --threads $t --data-dir ../shared/data/mnist --output "$out/compare-$t" --quiet > /dev/null
done
echo "wrote $out: machine.txt, python.jsonl, compare-N/ (report.md, results.json, results.csv)"
