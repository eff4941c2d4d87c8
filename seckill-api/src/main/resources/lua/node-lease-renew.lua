-- node-lease-renew: extends this instance's lease of an order-id node, if it still holds it.
-- KEYS[1] the node's lease key
-- ARGV[1] this instance's token  ARGV[2] lease time (ms)
-- returns: 1 renewed   0 not held (expired, or taken by another instance)
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
