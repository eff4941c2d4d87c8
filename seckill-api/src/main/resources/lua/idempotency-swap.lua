-- idempotency-swap: replace an Idempotency-Key's entry only while it is still the entry the caller holds,
-- so a request whose claim was taken over (its lease ran out) never overwrites the new owner's answer;
-- for an accepted order, also index it for its shopper (as index.lua does), whoever holds the key now.
-- KEYS[1] the key's entry  KEYS[2] the shopper's order index (hash), only for an accepted order
-- ARGV[1] the entry the caller expects  ARGV[2] the new entry, or '' to delete  ARGV[3] time to live (ms)
-- ARGV[4] order id  ARGV[5] activity id  ARGV[6] how long the index is kept (ms)  (with KEYS[2])
-- returns: 1 swapped, 0 the key holds something else (nothing changed but the index)
if #KEYS > 1 then
  redis.call('HSET', KEYS[2], ARGV[4], ARGV[5])
  redis.call('PEXPIRE', KEYS[2], ARGV[6])
end
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[2] == '' then
  redis.call('DEL', KEYS[1])
else
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
end
return 1
