package io.github.seckill.order.orders;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.github.seckill.common.order.OrderStatus;

/** The order reads' HTTP contract: shapes, filters, history and problem types (a web slice). */
@WebMvcTest(OrderQueryController.class)
@WithMockUser(roles = "SERVICE")
class OrderQueryControllerTest {

    static final Instant PLACED = Instant.parse("2026-11-22T00:00:00Z");
    static final StoredOrder PAID = new StoredOrder(117781551403499520L, 3, 7, 2, new BigDecimal("19.80"),
            OrderStatus.PAID, null, new OrderTimeline("10.0.0.1:8091:42", PLACED, PLACED.plusMillis(40),
                    PLACED.plusSeconds(30), PLACED.plusSeconds(30)));

    @Autowired
    MockMvc mvc;
    @MockitoBean
    OrderRows rows;
    @MockitoBean
    OrderSearch search;
    @MockitoBean
    FailedOrderRows failed;

    @Test
    void oneOrderWithItsTransactionAndHistory() throws Exception {
        given(rows.find(PAID.orderId())).willReturn(Optional.of(PAID));

        mvc.perform(get("/internal/api/v1/orders/{id}", PAID.orderId())).andExpect(status().isOk())
                .andExpect(jsonPath("$.orderId").value("117781551403499520"))
                .andExpect(jsonPath("$.amount").value("19.80")).andExpect(jsonPath("$.status").value("PAID"))
                .andExpect(jsonPath("$.xid").value("10.0.0.1:8091:42"))
                .andExpect(jsonPath("$.history.length()").value(3))
                .andExpect(jsonPath("$.history[0].status").value("PENDING"))
                .andExpect(jsonPath("$.history[0].at").value("2026-11-22T00:00:00Z"))
                .andExpect(jsonPath("$.history[1].status").value("CREATED"))
                .andExpect(jsonPath("$.history[2].status").value("PAID"))
                .andExpect(jsonPath("$.history[2].at").value("2026-11-22T00:00:30Z"));
    }

    @Test
    void aFailedOrderKeptAfterItsLedgerExpiredIsFailedWithItsReason() throws Exception {
        StoredOrder refused = new StoredOrder(117781551403499521L, 3, 7, 1, new BigDecimal("9.90"),
                OrderStatus.FAILED, "no stock left in MySQL",
                new OrderTimeline(null, PLACED, null, null, PLACED.plusSeconds(2)));
        given(rows.find(refused.orderId())).willReturn(Optional.empty());
        given(failed.find(refused.orderId())).willReturn(Optional.of(refused));

        mvc.perform(get("/internal/api/v1/orders/{id}", refused.orderId())).andExpect(status().isOk())
                .andExpect(jsonPath("$.orderId").value("117781551403499521"))
                .andExpect(jsonPath("$.userId").value(7)).andExpect(jsonPath("$.amount").value("9.90"))
                .andExpect(jsonPath("$.status").value("FAILED"))
                .andExpect(jsonPath("$.reason").value("no stock left in MySQL"))
                .andExpect(jsonPath("$.history.length()").value(2))
                .andExpect(jsonPath("$.history[0].status").value("PENDING"))
                .andExpect(jsonPath("$.history[1].status").value("FAILED"))
                .andExpect(jsonPath("$.history[1].at").value("2026-11-22T00:00:02Z"));
    }

    @Test
    void searchesWithEveryFilter() throws Exception {
        OrderFilter filter = new OrderFilter(7L, 3L, OrderStatus.PAID, PLACED, PLACED.plusSeconds(3600));
        given(search.page(filter, 1, 10)).willReturn(List.of(PAID));
        given(search.count(filter)).willReturn(11L);

        mvc.perform(get("/internal/api/v1/orders").param("userId", "7").param("activityId", "3")
                .param("status", "PAID").param("from", "2026-11-22T00:00:00Z").param("to", "2026-11-22T01:00:00Z")
                .param("page", "1").param("size", "10")).andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].orderId").value("117781551403499520"))
                .andExpect(jsonPath("$.content[0].history").doesNotExist())
                .andExpect(jsonPath("$.totalElements").value(11)).andExpect(jsonPath("$.page").value(1));
    }

    @Test
    void unknownOrderIsNotFound() throws Exception {
        given(rows.find(1)).willReturn(Optional.empty());

        mvc.perform(get("/internal/api/v1/orders/1")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:seckill:problem:not-found"));
    }

    @Test
    void badFiltersAreRefusedBeforeAnyQuery() throws Exception {
        mvc.perform(get("/internal/api/v1/orders/abc")).andExpect(status().isBadRequest());
        mvc.perform(get("/internal/api/v1/orders").param("size", "1000")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:seckill:problem:validation"));
        mvc.perform(get("/internal/api/v1/orders").param("status", "LOST")).andExpect(status().isBadRequest());
        mvc.perform(get("/internal/api/v1/orders").param("from", "yesterday")).andExpect(status().isBadRequest());
        mvc.perform(get("/internal/api/v1/orders").param("userId", "-1")).andExpect(status().isBadRequest());
        mvc.perform(get("/internal/api/v1/orders").param("from", "2026-11-22T01:00:00Z")
                .param("to", "2026-11-22T00:00:00Z")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:seckill:problem:validation"));
        verifyNoInteractions(rows, search);
    }
}
