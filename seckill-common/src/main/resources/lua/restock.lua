-- restock: the Redis branch of cancelling a created order (shopper cancel or payment timeout),
-- as TCC phases keyed by (order, xid) with the same fence as placement.
--   try:     CONFIRMED -> CANCELLING(xid)             (stock not yet back)
--   confirm: CANCELLING(xid) -> CANCELLED, stock and buyer quota back, restock announced
--   cancel:  CANCELLING(xid) -> CONFIRMED; without a try of this xid, a tombstone
-- KEYS[1] stock counter  KEYS[2] buyers hash  KEYS[3] ledger hash
-- ARGV[1] phase (try|confirm|cancel)  ARGV[2] xid  ARGV[3] order id  ARGV[4] restock channel
-- ARGV[5] activity id
-- returns: try: 1 taken, 0 already taken by this xid, -1 unknown order, -2 not CONFIRMED
--               (held by another xid, not placed, or already cancelled), -4 fenced
--          confirm: 1 cancelled and restocked, 0 already cancelled, -1 not held by this xid
--          cancel: 1 back to CONFIRMED, 0 empty rollback or repeat (tombstone written)
local phase, xid, oid = ARGV[1], ARGV[2], ARGV[3]
local state = redis.call('HGET', KEYS[3], oid .. ':s')
local mine = state == 'CANCELLING' and redis.call('HGET', KEYS[3], oid .. ':x') == xid
if phase == 'try' then
  if redis.call('HEXISTS', KEYS[3], oid .. ':f:' .. xid) == 1 then return -4 end
  if not state then return -1 end
  if mine then return 0 end
  if state ~= 'CONFIRMED' then return -2 end
  redis.call('HSET', KEYS[3], oid .. ':s', 'CANCELLING', oid .. ':x', xid)
  return 1
elseif phase == 'confirm' then
  if state == 'CANCELLED' then return 0 end
  if not mine then return -1 end
  local qty = tonumber(redis.call('HGET', KEYS[3], oid .. ':q'))
  local user = redis.call('HGET', KEYS[3], oid .. ':u')
  local after = redis.call('INCRBY', KEYS[1], qty)
  redis.call('HINCRBY', KEYS[2], user, -qty)
  redis.call('HSET', KEYS[3], oid .. ':s', 'CANCELLED')
  redis.call('HDEL', KEYS[3], oid .. ':x')
  if after - qty <= 0 then redis.call('PUBLISH', ARGV[4], ARGV[5]) end
  return 1
else
  if mine then
    redis.call('HSET', KEYS[3], oid .. ':s', 'CONFIRMED')
    redis.call('HDEL', KEYS[3], oid .. ':x')
    return 1
  end
  redis.call('HSET', KEYS[3], oid .. ':f:' .. xid, 'CANCELLED')
  return 0
end
