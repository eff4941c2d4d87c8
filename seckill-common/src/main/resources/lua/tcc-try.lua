-- TCC try: a global transaction takes the reservation (RESERVED -> TRYING with its xid).
-- Fence: a cancel that came before this try left a tombstone for (order, xid); the try is then
-- refused, so a late try can never hang the reservation (no suspension).
-- KEYS[1] ledger hash
-- ARGV[1] order id  ARGV[2] xid
-- returns: 1 taken   0 already taken by this xid   -1 unknown order   -2 taken by another xid
--          -3 already confirmed   -4 fenced (cancelled before try)   -5 released
local oid, xid = ARGV[1], ARGV[2]
if redis.call('HEXISTS', KEYS[1], oid .. ':f:' .. xid) == 1 then return -4 end
local state = redis.call('HGET', KEYS[1], oid .. ':s')
if not state then return -1 end
if state == 'TRYING' then
  if redis.call('HGET', KEYS[1], oid .. ':x') == xid then return 0 end
  return -2
end
if state == 'CONFIRMED' then return -3 end
if state == 'RELEASED' then return -5 end
redis.call('HSET', KEYS[1], oid .. ':s', 'TRYING', oid .. ':x', xid)
return 1
