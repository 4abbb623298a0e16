#!/usr/bin/env python3
"""Summarises a docs/benchmarks/serve-load.sh run folder as the Markdown tables of docs/serving.md."""
import csv, glob, json, os, re, statistics, sys

out = sys.argv[1]

def seconds(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}[unit]

def wrk(path):
    text = open(path).read()
    figures = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))}
    for pct in ("50", "99"):
        figures["p" + pct] = seconds(re.search(rf"\s{pct}%\s+(\S+)", text).group(1)) * 1000
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    figures["errors"] = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, errors.groups())) if errors else 0)
    return figures

def compare(engine, model):
    if not os.path.exists(f"{out}/compare-{engine}/results.json"):
        return float("nan")
    results = json.load(open(f"{out}/compare-{engine}/results.json"))
    for run in results["runs"]:
        figures = run.get("figures", {})
        if figures.get("model") == model:
            return figures["batchImagesPerSecond"]
    return float("nan")

machine = open(f"{out}/machine.txt").read().splitlines()
print(next((line.split(":", 1)[1].strip() for line in machine if line.startswith("Model name")), "unknown CPU"))
print()
print("| engine | model | requests/s (runs) | p50 ms | p99 ms | errors | in-process batch-256 images/s | ratio | RSS MiB after each run |")
print("|---|---|---|---|---|---|---|---|---|")
rss = {}
if os.path.exists(f"{out}/rss.txt"):
    for line in open(f"{out}/rss.txt"):
        engine, model, _, _, _, value, _ = line.split()
        rss.setdefault((engine, model), []).append(value)
p99_32 = {}
for engine in ("pytorch", "mxnet"):
    for model in ("mlp", "cnn"):
        runs = sorted(glob.glob(f"{out}/wrk-{engine}-{model}-*.txt"))
        if not runs:
            continue
        figures = [wrk(r) for r in runs]
        rps = [f["rps"] for f in figures]
        p99 = statistics.median(f["p99"] for f in figures)
        p99_32[(engine, model)] = p99
        batch = compare(engine, model)
        print(f"| {engine} | {model} | {statistics.median(rps):,.0f} ({min(rps):,.0f}-{max(rps):,.0f}) "
              f"| {statistics.median(f['p50'] for f in figures):.1f} | {p99:.1f} | {sum(f['errors'] for f in figures)} "
              f"| {batch:,.0f} | {statistics.median(rps) / batch:.2f} | {', '.join(rss.get((engine, model), []))} |")
print()
print("| engine | model (512 clients, --max-queue 64) | answered 200 | 503 | other | p99 of 200s ms | 32-client p99 ms | ratio | still up |")
print("|---|---|---|---|---|---|---|---|---|")
for engine, model in [(e, m) for e in ("pytorch", "mxnet") for m in ("mlp", "cnn")]:
    path = f"{out}/overload-{engine}-{model}.csv"
    if not os.path.exists(path):
        continue
    times, statuses = [], {}
    with open(path) as f:
        for row in csv.DictReader(f):
            code = row["status-code"]
            statuses[code] = statuses.get(code, 0) + 1
            if code == "200":
                times.append(float(row["response-time"]) * 1000)
    times.sort()
    p99 = times[int(0.99 * len(times))] if times else float("nan")
    other = sum(v for k, v in statuses.items() if k not in ("200", "503"))
    up = "yes" if os.path.getsize(f"{out}/overload-{engine}-{model}-ping.txt") > 0 else "no"
    base = p99_32.get((engine, model), float("nan"))
    print(f"| {engine} | {model} | {statuses.get('200', 0):,} | {statuses.get('503', 0):,} | {other} | {p99:.1f} "
          f"| {base:.1f} | {p99 / base:.2f} | {up} |")
