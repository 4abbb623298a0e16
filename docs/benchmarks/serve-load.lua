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
