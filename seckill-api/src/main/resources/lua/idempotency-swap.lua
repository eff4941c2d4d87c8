-- idempotency-swap: replace an Idempotency-Key's entry only while it is still the entry the caller holds,
-- so a request whose claim was taken over (its lease ran out) never overwrites the new owner's answer.
-- KEYS[1] the key's entry
-- ARGV[1] the entry the caller expects  ARGV[2] the new entry, or '' to delete  ARGV[3] time to live (ms)
-- returns: 1 swapped, 0 the key holds something else (nothing changed)
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[2] == '' then
  redis.call('DEL', KEYS[1])
else
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
end
return 1
