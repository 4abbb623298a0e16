#!/usr/bin/env bash
# Threads table for docs/benchmarks.md: MLP and CNN on both engines, 1, 2 and auto compute threads,
# quiet and beside one CPU-bound process (yes > /dev/null); each setting REPS times, interleaved.
# MLP: the seed's run (2 epochs), epoch 2's samples/s. CNN: 2 epochs of 40 batches, epoch 2's samples/s.
# Usage: docs/benchmarks/threads.sh   (REPS=3 for more runs; OUT=file for the CSV, default /tmp/threads.csv)
set -u
cd "$(dirname "$0")/../.."
./mnistlab --version > /dev/null   # builds the command line if needed
REPS=${REPS:-2}
out=${OUT:-/tmp/threads.csv}
json=$(mktemp)
echo "load,engine,model,threads,rep,samples_per_s,threads_used" > $out
run() {
  local extra=""
  [[ $3 == cnn ]] && extra="--epochs 2 --limit-batches 40"
  java -Dai.djl.offline=true -jar cli/target/mnistlab-cli.jar train --engine $2 --model $3 --threads $4 $extra \
      --data-dir ../shared/data/mnist --json --quiet > $json 2>/dev/null
  python3 -c 'import json, sys; d = json.load(open(sys.argv[6])); print(",".join(sys.argv[1:6] + [str(round(d["epochs"][-1]["samplesPerSecond"])), str(d["computeThreads"])]))' "$1" "$2" "$3" "$4" "$5" "$json" >> $out
}
for load in quiet busy; do
  if [[ $load == busy ]]; then yes > /dev/null & hog=$!; trap "kill $hog" EXIT; sleep 2; fi
  for engine in pytorch mxnet; do for model in mlp cnn; do
    for rep in $(seq 1 $REPS); do for t in 1 2 auto; do run $load $engine $model $t $rep; done; done
  done; done
  if [[ $load == busy ]]; then kill $hog; wait $hog 2>/dev/null; fi
done
echo finished >> $out
