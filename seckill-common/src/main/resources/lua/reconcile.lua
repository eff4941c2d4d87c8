-- reconcile: set a sale's Redis stock to the figure MySQL backs, only if nothing moved since it
-- was measured. Compare-and-set on the stock counter, refused while any reservation is pending
-- (RESERVED or TRYING), so no purchase or transaction can interleave with the repair.
-- KEYS[1] stock counter  KEYS[2] pending zset
-- ARGV[1] stock as measured  ARGV[2] stock to set  ARGV[3] restock channel  ARGV[4] activity id
-- When the stock goes from 0 or less to more, ARGV[4] is published on ARGV[3] so every shopper
-- API instance clears its local sold-out flag.
-- returns: 1 set   0 already at the figure   -1 the stock moved   -2 reservations pending
local current = tonumber(redis.call('GET', KEYS[1]) or '-1')
local measured, target = tonumber(ARGV[1]), tonumber(ARGV[2])
if current ~= measured then return -1 end
if redis.call('ZCARD', KEYS[2]) > 0 then return -2 end
if current == target then return 0 end
redis.call('SET', KEYS[1], target)
if current <= 0 and target > 0 then redis.call('PUBLISH', ARGV[3], ARGV[4]) end
return 1
