-- reserve: the one atomic pre-deduction of a purchase. Checks the sale window, stock and the
-- buyer's limit, then takes the stock, counts the buyer and writes the reservation into the
-- ledger (which is also the outbox: the payload is kept until the order is settled).
-- KEYS[1] meta hash  KEYS[2] stock counter  KEYS[3] buyers hash  KEYS[4] ledger hash  KEYS[5] pending zset
-- ARGV[1] order id  ARGV[2] user id  ARGV[3] quantity  ARGV[4] order payload (JSON)
-- returns: >= 0 remaining stock after the reservation
--   -1 sale not prewarmed   -2 not started   -3 ended      -4 sold out   -5 over the per-user limit
--   -6 order id already in the ledger   -7 sale closed   -8 less stock left than asked
local meta = redis.call('HMGET', KEYS[1], 'startAt', 'endAt', 'limit', 'status')
if not meta[1] then return -1 end
if meta[4] == 'CLOSED' then return -7 end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if now < tonumber(meta[1]) then return -2 end
if now >= tonumber(meta[2]) then return -3 end
local qty = tonumber(ARGV[3])
local stock = tonumber(redis.call('GET', KEYS[2]) or '0')
if stock <= 0 then return -4 end
if stock < qty then return -8 end
local bought = tonumber(redis.call('HGET', KEYS[3], ARGV[2]) or '0')
if bought + qty > tonumber(meta[3]) then return -5 end
local oid = ARGV[1]
if redis.call('HEXISTS', KEYS[4], oid .. ':s') == 1 then return -6 end
local left = redis.call('DECRBY', KEYS[2], qty)
redis.call('HINCRBY', KEYS[3], ARGV[2], qty)
redis.call('HSET', KEYS[4], oid, ARGV[4], oid .. ':s', 'RESERVED', oid .. ':u', ARGV[2], oid .. ':q', qty)
redis.call('ZADD', KEYS[5], now, oid)
return left
