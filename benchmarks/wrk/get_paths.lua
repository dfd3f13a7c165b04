-- GET the paths listed in PATHS_FILE in turn (result pages of finished tests, or one trivial path).
local list = {}
for line in io.lines(os.getenv("PATHS_FILE")) do list[#list + 1] = line end
local i = 0

function request()
  i = i + 1
  return wrk.format("GET", list[(i % #list) + 1])
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d non2xx=%d seconds=%.3f p50=%.2f p95=%.2f p99=%.2f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
