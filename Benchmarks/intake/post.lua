-- wrk script: posts a need form, urlencoded, as the site's form page would, and remembers the
-- submission id of every 2xx answer (the reference shown on the success page).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Origin"] = os.getenv("BENCH_ORIGIN") or "https://hub.example.org"
wrk.body = "title=%E5%86%85%E8%A6%96%E9%8F%A1%E3%81%AE%E6%9B%87%E3%82%8A%E6%AD%A2%E3%82%81"
  .. "&summary=%E6%89%8B%E8%A1%93%E4%B8%AD%E3%81%AE%E3%83%AC%E3%83%B3%E3%82%BA%E3%81%AE%E6%9B%87%E3%82%8A"
  .. "&confidentiality=public&tech_areas=optics&tech_areas=laser&clinical_areas=surgery"
  .. "&body=" .. string.rep("%E8%A9%B3%E3%81%97%E3%81%84%E5%86%85%E5%AE%B9", 40)
  .. "&lang=ja&contact_name=Bench&contact_email=bench%40example.org&consent=yes&website="

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  acked = 0
  ids = {}
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    acked = acked + 1
    local id = body and body:match("<code>([a-z0-9-]+)</code>")
    if id then ids[#ids + 1] = id end
  end
end

function done(summary, latency, requests)
  local total = 0
  local out = io.open(os.getenv("BENCH_IDS") or "acknowledged-ids.txt", "w")
  for _, thread in ipairs(threads) do
    total = total + thread:get("acked")
    for _, id in ipairs(thread:get("ids")) do out:write(id, "\n") end
  end
  out:close()
  io.write(string.format("acknowledged (2xx seen by wrk): %d\n", total))
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("latency p%s: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
