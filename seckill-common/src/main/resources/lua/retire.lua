-- retire: let the keys of a sale that ended and settled go. Each of the sale's keys gets a time to
-- live (ARGV[2]), so late readers still find the ledger for a while before Redis frees it all.
-- Refused while the sale may still take or settle a reservation: its end (meta endAt) less than
-- ARGV[1] ago by Redis's clock, or a reservation pending (RESERVED or TRYING: the pending index).
-- Idempotent: a key that already has a time to live keeps it, so running again never delays the end.
-- KEYS[1] meta  KEYS[2] stock  KEYS[3] buyers  KEYS[4] ledger  KEYS[5] pending  KEYS[6] failed counter
-- KEYS[7] the sale's rate-limit bucket (every key in the sale's hash tag)
-- ARGV[1] after end (ms)  ARGV[2] keep (ms)
-- returns: >= 0 keys given a time to live by this call   -1 sale not in Redis (never prewarmed, or gone)
--          -2 ended less than ARGV[1] ago (or not ended)   -3 reservations pending
local endAt = redis.call('HGET', KEYS[1], 'endAt')
if not endAt then return -1 end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if now < tonumber(endAt) + tonumber(ARGV[1]) then return -2 end
if redis.call('ZCARD', KEYS[5]) > 0 then return -3 end
local given = 0
for i = 1, #KEYS do
  if redis.call('PTTL', KEYS[i]) == -1 then
    redis.call('PEXPIRE', KEYS[i], ARGV[2])
    given = given + 1
  end
end
return given
