-- TCC cancel: the global transaction rolled back. A reservation held by this xid goes back to
-- RESERVED (kept for a retry; the caller releases it when it gives up). A cancel that finds no
-- try of this xid (empty rollback, or a repeat) leaves a tombstone so a late try is refused.
-- KEYS[1] ledger hash
-- ARGV[1] order id  ARGV[2] xid
-- returns: 1 back to RESERVED   0 empty rollback or repeat (tombstone written)
local oid, xid = ARGV[1], ARGV[2]
local state = redis.call('HGET', KEYS[1], oid .. ':s')
if state == 'TRYING' and redis.call('HGET', KEYS[1], oid .. ':x') == xid then
  redis.call('HSET', KEYS[1], oid .. ':s', 'RESERVED')
  redis.call('HDEL', KEYS[1], oid .. ':x')
  return 1
end
redis.call('HSET', KEYS[1], oid .. ':f:' .. xid, 'CANCELLED')
return 0
