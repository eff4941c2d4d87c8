-- TCC try: a global transaction takes reservations (RESERVED -> TRYING with its xid), one or
-- many orders of one sale per call.
-- Fence: a cancel that came before this try left a tombstone for (order, xid); the try is then
-- refused, so a late try can never hang the reservation (no suspension).
-- KEYS[1] ledger hash
-- ARGV[1] xid  ARGV[2..n] order ids
-- returns: one code per order, in order:
--   1 taken   0 already taken by this xid   -1 unknown order   -2 taken by another xid
--   -3 already confirmed   -4 fenced (cancelled before try)   -5 released   -6 cancelled after sale
local xid = ARGV[1]
local codes = {}
for i = 2, #ARGV do
  local oid = ARGV[i]
  local code
  local state = redis.call('HGET', KEYS[1], oid .. ':s')
  if redis.call('HEXISTS', KEYS[1], oid .. ':f:' .. xid) == 1 then code = -4
  elseif not state then code = -1
  elseif state == 'TRYING' then
    if redis.call('HGET', KEYS[1], oid .. ':x') == xid then code = 0 else code = -2 end
  elseif state == 'CONFIRMED' or state == 'CANCELLING' then code = -3
  elseif state == 'RELEASED' then code = -5
  elseif state == 'CANCELLED' then code = -6
  else
    redis.call('HSET', KEYS[1], oid .. ':s', 'TRYING', oid .. ':x', xid)
    code = 1
  end
  codes[#codes + 1] = code
end
return codes
