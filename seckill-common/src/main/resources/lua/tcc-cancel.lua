-- TCC cancel: the global transaction rolled back, for one or many orders of one sale. A
-- reservation held by this xid goes back to RESERVED (kept for a retry; the caller releases it
-- when it gives up). A cancel that finds no try of this xid (empty rollback, or a repeat) leaves a
-- tombstone so a late try is refused.
-- KEYS[1] ledger hash
-- ARGV[1] xid  ARGV[2..n] order ids
-- returns: one code per order: 1 back to RESERVED   0 empty rollback or repeat (tombstone written)
local xid = ARGV[1]
local codes = {}
for i = 2, #ARGV do
  local oid = ARGV[i]
  local code = 0
  if redis.call('HGET', KEYS[1], oid .. ':s') == 'TRYING' and redis.call('HGET', KEYS[1], oid .. ':x') == xid then
    redis.call('HSET', KEYS[1], oid .. ':s', 'RESERVED')
    redis.call('HDEL', KEYS[1], oid .. ':x')
    code = 1
  else
    redis.call('HSET', KEYS[1], oid .. ':f:' .. xid, 'CANCELLED')
  end
  codes[#codes + 1] = code
end
return codes
