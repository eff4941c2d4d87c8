package io.github.seckill.admin.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;

import io.github.seckill.admin.AdminIntegrationTest;
import io.github.seckill.common.problem.ProblemTypes;

class ProductApiTest extends AdminIntegrationTest {

    @Test
    void addsListsAndReadsProducts() throws Exception {
        String body = mvc.perform(post("/admin/api/v1/products").with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\" Kettle \",\"description\":\"1.7 l\",\"price\":25}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("Kettle"))
                .andExpect(jsonPath("$.description").value("1.7 l"))
                .andExpect(jsonPath("$.price").value("25.00"))
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).get("id").asLong();

        mvc.perform(get("/admin/api/v1/products/" + id).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.price").value("25.00"));
        mvc.perform(get("/admin/api/v1/products").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(hasItem((int) id)));
    }

    @Test
    void answersLocationOfTheNewProduct() throws Exception {
        var response = mvc.perform(post("/admin/api/v1/products").with(admin())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Located\",\"price\":\"1.00\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse();
        long id = json.readTree(response.getContentAsString()).get("id").asLong();
        assertThat(response.getHeader("Location")).isEqualTo("http://localhost/admin/api/v1/products/" + id);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"price\":\"1.00\"}                       | name",
            "{\"name\":\"  \",\"price\":\"1.00\"}       | name",
            "{\"name\":\"Cup\"}                         | price",
            "{\"name\":\"Cup\",\"price\":0}             | price",
            "{\"name\":\"Cup\",\"price\":\"1.001\"}     | price"})
    void refusesBadProduct(String body, String field) throws Exception {
        long before = rows("products");
        mvc.perform(post("/admin/api/v1/products").with(admin()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ProblemTypes.VALIDATION.toString()))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem(field)));
        assertThat(rows("products")).isEqualTo(before);
    }

    @Test
    void refusesTooLongName() throws Exception {
        long before = rows("products");
        mvc.perform(post("/admin/api/v1/products").with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + "n".repeat(201) + "\",\"price\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        assertThat(rows("products")).isEqualTo(before);
    }

    @Test
    void unknownProductIsNotFound() throws Exception {
        mvc.perform(get("/admin/api/v1/products/987654321").with(admin()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ProblemTypes.NOT_FOUND.toString()));
    }
}
