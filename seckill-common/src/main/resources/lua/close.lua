-- close: end a sale early. New reservations are refused; live ones run their course.
-- KEYS[1] meta hash
-- returns: 1 closed, 0 already closed, -1 sale not prewarmed
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return -1 end
if status == 'CLOSED' then return 0 end
redis.call('HSET', KEYS[1], 'status', 'CLOSED')
return 1
