package io.github.seckill.order.lifecycle;

import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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
import io.github.seckill.order.orders.OrderRows;
import io.github.seckill.order.orders.OrderStateConflict;
import io.github.seckill.order.orders.StoredOrder;

/**
 * The internal API's HTTP contract: shapes, status codes and problem types (a web slice; the
 * service account itself is covered end to end).
 */
@WebMvcTest(OrderController.class)
@WithMockUser(roles = "SERVICE")
class OrderControllerTest {

    private static final StoredOrder ORDER = new StoredOrder(117781551403499520L, 3, 7, 2, new BigDecimal("19.80"),
            OrderStatus.CREATED, null, Instant.parse("2026-11-22T00:00:00Z"));

    @Autowired
    MockMvc mvc;
    @MockitoBean
    OrderRows rows;
    @MockitoBean
    OrderLifecycle lifecycle;
    @MockitoBean
    PaymentProvider provider;

    @Test
    void orderIdAndMoneyTravelAsStrings() throws Exception {
        given(rows.find(ORDER.orderId())).willReturn(Optional.of(ORDER));

        mvc.perform(get("/internal/api/v1/orders/{id}", ORDER.orderId())).andExpect(status().isOk())
                .andExpect(jsonPath("$.orderId").value("117781551403499520"))
                .andExpect(jsonPath("$.amount").value("19.80")).andExpect(jsonPath("$.status").value("CREATED"));
    }

    @Test
    void pagesAUsersOrders() throws Exception {
        given(rows.byUser(7, 1, 10)).willReturn(List.of(ORDER));
        given(rows.countByUser(7)).willReturn(11L);

        mvc.perform(get("/internal/api/v1/orders").param("userId", "7").param("page", "1").param("size", "10"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.content[0].orderId").value("117781551403499520"))
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
    void paymentErrorsMapToTheirCodes() throws Exception {
        willThrow(new PaymentDeclined(1)).given(lifecycle).pay(1, 7);
        willThrow(new PaymentUnavailable(2)).given(lifecycle).pay(2, 7);
        willThrow(new OrderStateConflict(3, OrderStatus.CANCELLED, "paid")).given(lifecycle).pay(3, 7);

        mvc.perform(post("/internal/api/v1/orders/1/payment").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":7}")).andExpect(status().isPaymentRequired())
                .andExpect(jsonPath("$.type").value("urn:seckill:problem:payment-declined"));
        mvc.perform(post("/internal/api/v1/orders/2/payment").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":7}")).andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "2"));
        mvc.perform(post("/internal/api/v1/orders/3/payment").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":7}")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:seckill:problem:conflict"));
    }

    @Test
    void badInputIsRefusedBeforeAnythingRuns() throws Exception {
        mvc.perform(post("/internal/api/v1/orders/1/cancellation").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:seckill:problem:validation"));
        mvc.perform(post("/internal/api/v1/orders/1/cancellation").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:seckill:problem:malformed-request"));
        mvc.perform(get("/internal/api/v1/orders/abc")).andExpect(status().isBadRequest());
        mvc.perform(get("/internal/api/v1/orders").param("userId", "7").param("size", "1000"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/internal/api/v1/payment-provider").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"mode\":\"SOMETIMES\"}")).andExpect(status().isBadRequest());
        verifyNoInteractions(lifecycle, provider);
    }
}
