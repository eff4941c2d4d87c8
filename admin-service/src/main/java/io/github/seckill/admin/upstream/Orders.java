package io.github.seckill.admin.upstream;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;

/** order-service's shapes, as its internal API answers them. */
public final class Orders {

    private Orders() {
    }

    /** MySQL's view of one sale: stock left and orders per status (CREATED, PAID, CANCELLED). */
    public record SaleStock(long activityId, long total, long remaining, long sold, Map<String, Long> orders) {

        /** No order of the sale reached MySQL yet: all of its stock is left. */
        static SaleStock untouched(long activityId, long total) {
            return new SaleStock(activityId, total, total, 0,
                    Map.of("CREATED", 0L, "PAID", 0L, "CANCELLED", 0L));
        }
    }

    public record StatusChange(String status, Instant at) {
    }

    public record Order(String orderId, long activityId, long userId, int quantity, String amount, String status,
            String reason, String xid, Instant placedAt, Instant createdAt, Instant paidAt, Instant updatedAt,
            List<StatusChange> history) {
    }

    public record Page(List<Order> content, int page, int size, long totalElements) {

        public boolean hasNext() {
            return (long) (page + 1) * size < totalElements;
        }
    }

    /** Search filters; null means any. */
    public record Query(Long activityId, Long userId, String status,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to, Integer page, Integer size) {

        public int pageOrFirst() {
            return page == null || page < 0 ? 0 : page;
        }

        public int sizeOrDefault() {
            // order-service serves at most 100 per page
            return size == null || size < 1 ? 50 : Math.min(size, 100);
        }
    }
}
