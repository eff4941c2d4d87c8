/**
 * Typed ids of the platform's three long-keyed things: a sale ({@link io.github.seckill.common.id.SaleId},
 * called "activity" in URLs, JSON and columns), an order ({@link io.github.seckill.common.id.OrderId}) and a
 * shopper ({@link io.github.seckill.common.id.UserId}).
 *
 * <p>Where a method takes more than one of them they come in this order: <b>sale, order, user</b> (from the
 * widest to the narrowest, as the Redis keys nest them), so neighbouring calls read alike and a swapped
 * pair no longer compiles. Each id's {@code toString()} is the plain number: logs, Redis keys and script
 * arguments are written from it unchanged.
 */
package io.github.seckill.common.id;
