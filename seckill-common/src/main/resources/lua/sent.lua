-- sent: records where an order's OrderPlaced sits in Kafka once the broker acknowledged it, so the
-- sweeper leaves the order to Kafka instead of publishing it again or releasing it. The first
-- acknowledged copy is kept: a later one (a republish) is further back in the same backlog.
-- KEYS[1] ledger hash
-- ARGV[1] order id  ARGV[2] position, "<partition>:<offset>"
-- returns: 1 marked   0 marked before   -1 unknown order
local oid = ARGV[1]
if redis.call('HEXISTS', KEYS[1], oid .. ':s') == 0 then return -1 end
return redis.call('HSETNX', KEYS[1], oid .. ':k', ARGV[2])
