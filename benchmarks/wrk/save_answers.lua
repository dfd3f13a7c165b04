-- PUT one answer per request, walking through (session, item) pairs read from PAIRS_FILE; each wrk
-- thread takes every n-th pair, so each answer is saved once unless the run outlasts the list.
local pairs_file = os.getenv("PAIRS_FILE")
local list = {}
for line in io.lines(pairs_file) do list[#list + 1] = line end
local counter = 0
local threads = {}

function setup(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end

function init(args)
  stride = tonumber(os.getenv("THREADS") or "1")
  index = offset
end

function request()
  index = index + stride
  local pair = list[(index % #list) + 1]
  local sid, item = pair:match("([^ ]+) ([^ ]+)")
  return wrk.format("PUT", "/api/v1/sessions/" .. sid .. "/answers/" .. item,
    {["Content-Type"] = "application/json"}, '{"value": ' .. (index % 5) .. '}')
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d non2xx=%d seconds=%.3f p50=%.2f p95=%.2f p99=%.2f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
