package io.github.seckill.order.lifecycle;

import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.github.seckill.common.order.OrderStatus;
import io.github.seckill.order.orders.OrderStateConflict;

/**
 * The internal API's HTTP contract: shapes, status codes and problem types (a web slice; the
 * service account itself is covered end to end).
 */
@WebMvcTest(OrderController.class)
@WithMockUser(roles = "SERVICE")
class OrderControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    OrderLifecycle lifecycle;
    @MockitoBean
    PaymentProvider provider;

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
        mvc.perform(put("/internal/api/v1/payment-provider").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"mode\":\"SOMETIMES\"}")).andExpect(status().isBadRequest());
        verifyNoInteractions(lifecycle, provider);
    }
}
