-- TCC confirm: the global transaction committed (TRYING(xid) -> CONFIRMED), for one or many
-- orders of one sale. Idempotent; orders this xid does not hold are left alone.
-- KEYS[1] ledger hash  KEYS[2] pending zset
-- ARGV[1] xid  ARGV[2..n] order ids
-- returns: one code per order: 1 confirmed   0 already confirmed   -1 not held by this xid
local xid = ARGV[1]
local codes = {}
for i = 2, #ARGV do
  local oid = ARGV[i]
  local state = redis.call('HGET', KEYS[1], oid .. ':s')
  local code = -1
  if state == 'CONFIRMED' then code = 0
  elseif state == 'TRYING' and redis.call('HGET', KEYS[1], oid .. ':x') == xid then
    redis.call('HSET', KEYS[1], oid .. ':s', 'CONFIRMED')
    redis.call('ZREM', KEYS[2], oid)
    code = 1
  end
  codes[#codes + 1] = code
end
return codes
