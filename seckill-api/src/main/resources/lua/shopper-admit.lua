-- shopper-admit: a shopper's own admission of one purchase, in one call under the shopper's hash tag: a
-- token from the shopper's purchase bucket and, for a request with an Idempotency-Key, the key's claim.
-- The bucket is refilled greedily on Redis's clock, so every instance counts the same tokens; it lives only
-- until it would be full again, so an idle shopper leaves nothing behind.
-- KEYS[1] the shopper's bucket (hash: tokens, at)  KEYS[2] the key's entry (only with an Idempotency-Key)
-- ARGV[1] capacity (0: no limit)  ARGV[2] period (ms)  ARGV[3] the claim  ARGV[4] the claim's time to live (ms)
-- returns: {'admitted'} (and claimed); {'limited', ms until a token}, nothing taken or claimed;
--          {'held', entry}: the key already holds entry, nothing claimed (the token is spent, as for any request)
local capacity = tonumber(ARGV[1])
if capacity > 0 then
  local period = tonumber(ARGV[2])
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
  local tokens = tonumber(state[1]) or capacity
  local at = tonumber(state[2]) or now
  if now > at then
    tokens = math.min(capacity, tokens + (now - at) * capacity / period)
    at = now
  end
  if tokens < 1 then
    return {'limited', tostring(math.ceil((1 - tokens) * period / capacity))}
  end
  tokens = tokens - 1
  redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(at))
  redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) * period / capacity) + 1)
end
if #KEYS < 2 then
  return {'admitted'}
end
if redis.call('SET', KEYS[2], ARGV[3], 'NX', 'PX', ARGV[4]) then
  return {'admitted'}
end
return {'held', redis.call('GET', KEYS[2])}
