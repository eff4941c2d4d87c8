-- release: give a reservation back (send failed, business failure, timeout). Idempotent.
-- Only a RESERVED entry is released: one held by a running global transaction (TRYING,
-- CANCELLING) or already settled (CONFIRMED, CANCELLED) is left alone.
-- The sale's failed-order counter counts the entry once, when it turns RELEASED: a released entry
-- is an order that ends FAILED and never reaches MySQL (this is the only script that releases).
-- A purchase withdrawn before its shopper was answered (ARGV[5] = '0': the send failed, the shopper
-- hears 503 and holds no order id) is no order, and is not counted; its entry is marked withdrawn
-- (<oid>:w) so the archive of failed orders leaves it out. A counted release keeps when it failed (<oid>:t).
-- KEYS[1] stock counter  KEYS[2] buyers hash  KEYS[3] ledger hash  KEYS[4] pending zset
-- KEYS[5] failed-order counter
-- ARGV[1] order id  ARGV[2] reason  ARGV[3] restock channel  ARGV[4] activity id  ARGV[5] '1' counts
-- When the stock was 0 before the release, ARGV[4] is published on ARGV[3] so every shopper API
-- instance clears its local sold-out flag.
-- returns: 1 released   0 already released   -1 unknown order   -2 held by a transaction
--          -3 settled (confirmed or cancelled after confirm)
local oid = ARGV[1]
local state = redis.call('HGET', KEYS[3], oid .. ':s')
if not state then return -1 end
if state == 'RELEASED' then return 0 end
if state == 'TRYING' or state == 'CANCELLING' then return -2 end
if state ~= 'RESERVED' then return -3 end
local qty = tonumber(redis.call('HGET', KEYS[3], oid .. ':q'))
local user = redis.call('HGET', KEYS[3], oid .. ':u')
local after = redis.call('INCRBY', KEYS[1], qty)
redis.call('HINCRBY', KEYS[2], user, -qty)
redis.call('HSET', KEYS[3], oid .. ':s', 'RELEASED', oid .. ':r', ARGV[2])
redis.call('ZREM', KEYS[4], oid)
if ARGV[5] ~= '0' then
  local t = redis.call('TIME')
  redis.call('HSET', KEYS[3], oid .. ':t', tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000))
  redis.call('INCR', KEYS[5])
else
  redis.call('HSET', KEYS[3], oid .. ':w', '1')
end
if after - qty <= 0 then
  redis.call('PUBLISH', ARGV[3], ARGV[4])
end
return 1
