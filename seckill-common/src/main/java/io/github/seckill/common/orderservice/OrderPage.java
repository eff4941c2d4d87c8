package io.github.seckill.common.orderservice;

import java.util.List;

/** One page of orders; {@code totalElements} counts every order the filter matches. */
public record OrderPage(List<Order> content, int page, int size, long totalElements) {

    public OrderPage {
        content = content == null ? List.of() : List.copyOf(content);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < totalElements;
    }
}
