-- wrk script for docs/benchmarks/serve-load.sh: POSTs PNG bodies of MNIST test digits in turn.
-- Usage: wrk ... URL -- FOLDER   (FOLDER holds 000.png ... 099.png)
local bodies = {}
local next = 0

function init(args)
  for n = 0, 99 do
    local file = assert(io.open(string.format("%s/%03d.png", args[1], n), "rb"))
    bodies[#bodies + 1] = file:read("*all")
    file:close()
  end
end

function request()
  next = next % #bodies + 1
  return wrk.format("POST", nil, { ["Content-Type"] = "image/png" }, bodies[next])
end

-- One line of figures at the end, finer than wrk's --latency table (read by docs/benchmarks/serve-2026-12-03/probe.sh).
function done(summary, latency, requests)
  io.write(string.format("RESULT req/s=%.0f p50=%.2f p90=%.2f p95=%.2f p98=%.2f p99=%.2f p99.9=%.2f max=%.2f errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1e3, latency:percentile(90) / 1e3,
    latency:percentile(95) / 1e3, latency:percentile(98) / 1e3, latency:percentile(99) / 1e3,
    latency:percentile(99.9) / 1e3, latency.max / 1e3,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
