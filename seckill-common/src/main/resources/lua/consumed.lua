-- consumed: the sweeper found that order-service's consumer group has taken an order's message
-- while its reservation is still RESERVED (the placement failed and went to the compensation
-- ladder). Keeps the time it was first found so, the clock of the hanging timeout from then on.
-- KEYS[1] ledger hash
-- ARGV[1] order id  ARGV[2] now (epoch ms)
-- returns: the time first found (epoch ms)   -1 unknown order   -2 no longer RESERVED
local oid = ARGV[1]
local state = redis.call('HGET', KEYS[1], oid .. ':s')
if not state then return -1 end
if state ~= 'RESERVED' then return -2 end
redis.call('HSETNX', KEYS[1], oid .. ':c', ARGV[2])
return tonumber(redis.call('HGET', KEYS[1], oid .. ':c'))
