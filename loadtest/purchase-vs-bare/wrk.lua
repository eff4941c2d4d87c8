-- wrk script for every endpoint: rotates the shoppers' tokens over the requests and, for purchases, sends a
-- fresh Idempotency-Key with each (as a careful client does). A path with {user} (the minimal purchase,
-- which has no security) names the shopper there instead, rotating over as many as there are tokens, and
-- carries no token. Prints one RESULT line at the end.
-- args: <tokens file> <run label> <method> <path> [body]
local tokens, label, method, path, body = {}, "", "GET", "/", nil
local n, idem, bare_user = 0, false, false
local thread_id = 0
local threads = {}

setup = function(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
  table.insert(threads, thread)
end

init = function(args)
  for line in io.lines(args[1]) do tokens[#tokens + 1] = line end
  label, method, path, body = args[2], args[3], args[4], args[5]
  bare_user = string.find(path, "{user}", 1, true) ~= nil
  idem = method == "POST" and not bare_user
end

request = function()
  n = n + 1
  if bare_user then
    return wrk.format(method, (string.gsub(path, "{user}", tostring((n % #tokens) + 1))), {}, body)
  end
  local headers = { ["Authorization"] = "Bearer " .. tokens[(n % #tokens) + 1] }
  if body then headers["Content-Type"] = "application/json" end
  if idem then headers["Idempotency-Key"] = label .. "-" .. tid .. "-" .. n end
  return wrk.format(method, path, headers, body)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
