-- TCC confirm: the global transaction committed (TRYING(xid) -> CONFIRMED). Idempotent.
-- KEYS[1] ledger hash  KEYS[2] pending zset
-- ARGV[1] order id  ARGV[2] xid
-- returns: 1 confirmed   0 already confirmed   -1 not held by this xid (nothing changed)
local oid, xid = ARGV[1], ARGV[2]
local state = redis.call('HGET', KEYS[1], oid .. ':s')
if state == 'CONFIRMED' then return 0 end
if state ~= 'TRYING' or redis.call('HGET', KEYS[1], oid .. ':x') ~= xid then return -1 end
redis.call('HSET', KEYS[1], oid .. ':s', 'CONFIRMED')
redis.call('ZREM', KEYS[2], oid)
return 1
