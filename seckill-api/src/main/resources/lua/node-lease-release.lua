-- node-lease-release: gives an order-id node back at shutdown, if this instance still holds it.
-- KEYS[1] the node's lease key
-- ARGV[1] this instance's token
-- returns: 1 released   0 not held
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
