package io.github.seckill.admin.activity;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.github.seckill.common.problem.ProblemTypes;

/** The web layer alone: JSON shape, bean validation and the mapping of the sale's own refusals. */
@WebMvcTest(ActivityController.class)
@WithMockUser(roles = "ADMIN")
class ActivityControllerTest {

    private static final String SALE = """
            {"productId": 1, "title": "Sale", "price": 9.9, "stock": 10, "limitPerUser": 2,
             "startAt": "2030-01-01T18:00:00+08:00", "endAt": "2030-01-01T11:00:00Z"}""";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ActivityService sales;

    @MockitoBean
    private SaleMonitor monitor;

    @Test
    void answersTheSaleWithMoneyAsStringAndTimesInUtc() throws Exception {
        given(sales.schedule(any())).willReturn(new ActivityView(5, 1, "Sale", new BigDecimal("9.90"), 10, 2,
                Instant.parse("2030-01-01T10:00:00Z"), Instant.parse("2030-01-01T11:00:00Z"),
                ActivityStatus.SCHEDULED, null));

        mvc.perform(post("/admin/api/v1/activities").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(SALE))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "http://localhost/admin/api/v1/activities/5"))
                .andExpect(jsonPath("$.id").value(5))
                .andExpect(jsonPath("$.price").value("9.90"))
                .andExpect(jsonPath("$.startAt").value("2030-01-01T10:00:00Z"))
                .andExpect(jsonPath("$.status").value("SCHEDULED"));
    }

    @Test
    void refusesInvalidFieldsBeforeTheService() throws Exception {
        mvc.perform(post("/admin/api/v1/activities").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(SALE.replace("\"stock\": 10", "\"stock\": 0").replace("9.9", "0")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ProblemTypes.VALIDATION.toString()))
                .andExpect(jsonPath("$.errors[0].field").value("price"))
                .andExpect(jsonPath("$.errors[1].field").value("stock"));
        verifyNoInteractions(sales);
    }

    @Test
    void mapsTheSaleRefusalToAFieldError() throws Exception {
        given(sales.schedule(any())).willThrow(new InvalidSale("endAt", "must be after startAt"));

        mvc.perform(post("/admin/api/v1/activities").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(SALE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(ProblemTypes.VALIDATION.toString()))
                .andExpect(jsonPath("$.detail").value("endAt must be after startAt"))
                .andExpect(jsonPath("$.errors[0].field").value("endAt"))
                .andExpect(jsonPath("$.errors[0].message").value("must be after startAt"));
    }
}
