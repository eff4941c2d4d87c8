-- index: records which sale a shopper's order belongs to, in the shopper's index, and keeps the
-- index ARGV[3] ms from now: a shopper who stops buying lets it go; the order lookup rebuilds an
-- entry from MySQL on a miss.
-- KEYS[1] the shopper's order index (hash)
-- ARGV[1] order id  ARGV[2] activity id  ARGV[3] keep (ms)
-- returns: 1
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
