package io.github.seckill.order.stock;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.github.seckill.common.order.OrderStatus;
import io.github.seckill.order.orders.OrderSearch;

/** MySQL's stock view over HTTP: shape, and 404 for a sale with no row yet. */
@WebMvcTest(StockController.class)
@WithMockUser(roles = "SERVICE")
class StockControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    SaleStocks stocks;
    @MockitoBean
    OrderSearch search;

    @Test
    void showsStockAndOrdersByStatus() throws Exception {
        given(stocks.find(3)).willReturn(Optional.of(new SaleStocks.StockRow(3, 100, 40, 60)));
        Map<OrderStatus, Long> counts = new EnumMap<>(Map.of(OrderStatus.CREATED, 55L, OrderStatus.PAID, 5L,
                OrderStatus.CANCELLED, 2L));
        given(search.countsByStatus(3)).willReturn(counts);

        mvc.perform(get("/internal/api/v1/activities/3/stock")).andExpect(status().isOk())
                .andExpect(jsonPath("$.activityId").value(3)).andExpect(jsonPath("$.total").value(100))
                .andExpect(jsonPath("$.remaining").value(40)).andExpect(jsonPath("$.sold").value(60))
                .andExpect(jsonPath("$.orders.CREATED").value(55)).andExpect(jsonPath("$.orders.FAILED").doesNotExist());
    }

    @Test
    void aSaleWithoutRowIsNotFound() throws Exception {
        given(stocks.find(4)).willReturn(Optional.empty());

        mvc.perform(get("/internal/api/v1/activities/4/stock")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:seckill:problem:not-found"));
        mvc.perform(get("/internal/api/v1/activities/x/stock")).andExpect(status().isBadRequest());
    }
}
