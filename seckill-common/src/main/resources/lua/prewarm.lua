-- prewarm: publish a sale into Redis. Idempotent: stock is set only once, so a second prewarm
-- never hands out stock that was already sold; the sale's settings are refreshed every time.
-- KEYS[1] meta hash   KEYS[2] stock counter
-- ARGV[1] total stock  ARGV[2] limit per user  ARGV[3] start (epoch ms)  ARGV[4] end (epoch ms)
-- ARGV[5] unit price (decimal string)  ARGV[6] title
-- returns: the stock counter after the call
redis.call('HSET', KEYS[1], 'total', ARGV[1], 'limit', ARGV[2], 'startAt', ARGV[3], 'endAt', ARGV[4],
  'price', ARGV[5], 'title', ARGV[6], 'status', 'OPEN')
redis.call('SET', KEYS[2], ARGV[1], 'NX')
return tonumber(redis.call('GET', KEYS[2]))
