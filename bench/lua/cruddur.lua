-- The load of one scenario, for wrk: every request (but the health check and the signed-out home feed) is sent by a
-- random seeded user with their own Cognito access token, to a random target from the data set the seeding step wrote.
--   wrk -t2 -c16 -d10s -s bench/lua/cruddur.lua http://127.0.0.1:4767 -- <scenario> <data dir> [<requests/s per thread>]
-- At the end it prints one line "WRK_JSON {...}": requests, duration, latency percentiles, non-2xx answers (counted
-- here, any status outside 200-299; wrk's own count skips 3xx) and socket errors.
-- With a rate, each thread sends on a fixed schedule (one slot every 1/rate s, taken by whichever of its connections
-- is free, as wrk2 does) instead of as fast as answers come back. wrk times a request from its actual send, so a stall
-- that keeps every connection busy would hide the requests that should have gone out meanwhile (coordinated
-- omission): the schedule makes them visible as requests sent late ("lag", how far behind their slot) or never sent
-- (fewer requests than rate x duration).

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

local function lines(path)
  local items = {}
  local file = assert(io.open(path, "r"), "cannot read " .. path)
  for line in file:lines() do
    if line ~= "" then items[#items + 1] = line end
  end
  file:close()
  return items
end

local function split(line)
  local a, b = line:match("^(%S+) (%S+)$")
  return a, b
end

local function pick(items)
  return items[math.random(#items)]
end

local words = {
  "cloud", "crud", "bootcamp", "lambda", "fargate", "cognito", "dynamo", "queue", "cache", "edge", "quarkus",
  "latency", "deploy", "pipeline", "container", "region", "budget", "coffee", "weekend", "project", "frontend",
  "backend", "service", "metric", "trace", "alarm", "dashboard", "token", "today", "finally", "shipped", "fixed",
  "learned", "the", "a", "of", "to", "and", "in", "is", "it", "for", "my", "this", "just", "more" }

local function sentence(count)
  local out = {}
  for i = 1, count do out[i] = words[math.random(#words)] end
  return table.concat(out, " ")
end

local tokens, handles, cruds, threads_, conversations, pages
local sent = 0

local function get(path, token)
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" })
end

local function post(path, token, body)
  return wrk.format("POST", path, { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end

-- one request of each kind; the mixes draw from these
local kinds = {
  ["health"] = function()
    return wrk.format("GET", "/api/health-check", { ["Content-Type"] = "application/json" })
  end,
  ["home"] = function() return get("/api/activities/home", pick(tokens)) end,
  -- signed out: no token to verify and no liked/reposted flags to read, the rest of "home" as it is
  ["home-anonymous"] = function()
    return wrk.format("GET", "/api/activities/home", { ["Content-Type"] = "application/json" })
  end,
  -- the followed authors' cruds and one's own (fan-out on read: one query per followed author)
  ["home-following"] = function() return get("/api/activities/home?feed=following", pick(tokens)) end,
  ["home-later"] = function() return get(pick(pages), pick(tokens)) end,
  ["profile"] = function() return get("/api/activities/@" .. pick(handles), pick(tokens)) end,
  ["show"] = function()
    local handle, uuid = split(pick(threads_))
    return get("/api/activities/@" .. handle .. "/status/" .. uuid, pick(tokens))
  end,
  ["notifications"] = function() return get("/api/activities/notifications", pick(tokens)) end,
  ["message-groups"] = function() return get("/api/message_groups", pick(tokens)) end,
  ["create"] = function()
    sent = sent + 1
    return post("/api/activities", pick(tokens),
      '{"message":"' .. sentence(12) .. ' ' .. sent .. '","ttl":"30-days"}')
  end,
  ["reply"] = function()
    local _, uuid = split(pick(threads_))
    return post("/api/activities/" .. uuid .. "/reply", pick(tokens), '{"message":"' .. sentence(8) .. '"}')
  end,
  ["like"] = function() return post("/api/activities/" .. pick(cruds) .. "/like", pick(tokens), nil) end,
  ["message"] = function()
    local member, group = split(pick(conversations))
    return post("/api/messages", tokens[tonumber(member)],
      '{"message":"' .. sentence(8) .. '","message_group_uuid":"' .. group .. '"}')
  end,
}

-- the mixes: kind and weight (percent)
local mixes = {
  ["read-mix"] = { { "home", 35 }, { "home-later", 10 }, { "profile", 20 }, { "show", 15 },
                   { "notifications", 10 }, { "message-groups", 10 } },
  ["write-mix"] = { { "create", 40 }, { "reply", 25 }, { "like", 25 }, { "message", 10 } },
}
mixes["mixed"] = {}
for _, entry in ipairs(mixes["read-mix"]) do table.insert(mixes["mixed"], { entry[1], entry[2] * 0.9 }) end
for _, entry in ipairs(mixes["write-mix"]) do table.insert(mixes["mixed"], { entry[1], entry[2] * 0.1 }) end

local function weighted(mix)
  local total = 0
  for _, entry in ipairs(mix) do total = total + entry[2] end
  return function()
    local r = math.random() * total
    for _, entry in ipairs(mix) do
      r = r - entry[2]
      if r <= 0 then return kinds[entry[1]]() end
    end
    return kinds[mix[#mix][1]]()
  end
end

local make

-- the fixed schedule (rate mode): a monotonic clock in ms through LuaJIT's FFI, the next free slot, and the lags
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } cruddur_timespec;
  int clock_gettime(int clock, cruddur_timespec *ts);
]]
local timespec = ffi.new("cruddur_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, timespec) -- CLOCK_MONOTONIC
  return tonumber(timespec.tv_sec) * 1000 + tonumber(timespec.tv_nsec) / 1e6
end
local interval_ms, next_slot
-- per thread, read by done(): lag in whole ms -> requests sent that late (0 = on time)
lags = {}

function init(args)
  local scenario, dir = args[1], args[2]
  math.randomseed(os.time() * 100 + id)
  if args[3] then
    interval_ms = 1000 / tonumber(args[3])
    -- wrk calls delay() only where the script defines it: closed-loop runs keep it undefined
    delay = function()
      local now = now_ms()
      next_slot = next_slot or now
      local wait = next_slot - now
      next_slot = next_slot + interval_ms
      local lag = wait < 0 and math.floor(-wait) or 0
      lags[lag] = (lags[lag] or 0) + 1
      return wait > 0 and wait or 0
    end
  end
  non2xx = 0
  samples = ""
  if scenario ~= "health" then
    tokens = lines(dir .. "/tokens.txt")
    handles = lines(dir .. "/handles.txt")
    cruds = lines(dir .. "/cruds.txt")
    threads_ = lines(dir .. "/threads.txt")
    conversations = lines(dir .. "/conversations.txt")
    pages = lines(dir .. "/home-pages.txt")
  end
  if kinds[scenario] then
    make = kinds[scenario]
  elseif mixes[scenario] then
    make = weighted(mixes[scenario])
  else
    error("unknown scenario " .. tostring(scenario))
  end
end

function request()
  return make()
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    -- the first few answers, to tell what went wrong
    if non2xx <= 3 then samples = samples .. status .. " " .. (body or ""):sub(1, 120):gsub('[%c"\\]', " ") .. " | " end
  end
end

function done(summary, latency, requests)
  local errors, sample = 0, ""
  local lag, sent = {}, 0
  for _, thread in ipairs(threads) do
    errors = errors + (thread:get("non2xx") or 0)
    sample = sample .. (thread:get("samples") or "")
    for ms, count in pairs(thread:get("lags") or {}) do
      lag[ms] = (lag[ms] or 0) + count
      sent = sent + count
    end
  end
  -- the schedule's lag (rate mode only): requests sent 1 ms or more behind their slot, its p50, p99 and max
  local lag_json = "null"
  if sent > 0 then
    local keys = {}
    for ms in pairs(lag) do keys[#keys + 1] = ms end
    table.sort(keys)
    local function percentile(p)
      local seen = 0
      for _, ms in ipairs(keys) do
        seen = seen + lag[ms]
        if seen >= sent * p / 100 then return ms end
      end
      return keys[#keys]
    end
    lag_json = string.format('{"slots":%d,"late":%d,"p50":%d,"p99":%d,"max":%d}',
      sent, sent - (lag[0] or 0), percentile(50), percentile(99), keys[#keys])
  end
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"non2xx":%d,"socket_errors":{"connect":%d,"read":%d,' ..
    '"write":%d,"timeout":%d},"latency_us":{"mean":%.1f,"p50":%d,"p75":%d,"p90":%d,"p99":%d,"p999":%d,"max":%d},' ..
    '"lag_ms":%s,"error_samples":"%s"}\n',
    summary.requests, summary.duration, summary.bytes, errors, e.connect, e.read, e.write, e.timeout,
    latency.mean, latency:percentile(50), latency:percentile(75), latency:percentile(90), latency:percentile(99),
    latency:percentile(99.9), latency.max, lag_json, sample))
end
