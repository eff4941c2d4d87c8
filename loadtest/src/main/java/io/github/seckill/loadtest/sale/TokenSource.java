package io.github.seckill.loadtest.sale;

/** How the shoppers' access tokens are made before the sale. */
public enum TokenSource {
    /** Each shopper registers and logs in through seckill-api: the real path, one BCrypt hash each way. */
    API,
    /**
     * Tokens signed with seckill-api's key for shopper ids of the run's own. For crowds too large to
     * register: on two cores a BCrypt hash costs ~120 ms, so 50,000 shoppers would take over an hour.
     */
    SIGNED
}
