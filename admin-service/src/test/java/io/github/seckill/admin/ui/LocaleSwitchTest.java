package io.github.seckill.admin.ui;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import io.github.seckill.admin.AdminIntegrationTest;

/** English by default; <code>?lang=zh_CN</code> switches to Simplified Chinese and a cookie keeps it. */
class LocaleSwitchTest extends AdminIntegrationTest {

    @Test
    void switchesAndRemembers() throws Exception {
        mvc.perform(get("/login")).andExpect(content().string(containsString("Log in")));
        Cookie lang = mvc.perform(get("/login").param("lang", "zh_CN"))
                .andExpect(content().string(containsString("登录")))
                .andExpect(cookie().value(WebConfig.LOCALE_COOKIE, "zh-CN"))
                .andReturn().getResponse().getCookie(WebConfig.LOCALE_COOKIE);
        mvc.perform(get("/products").cookie(lang).with(user("v").roles("VIEWER")))
                .andExpect(content().string(containsString("商品")))
                .andExpect(content().string(not(containsString("New product"))));
        mvc.perform(get("/products").cookie(lang).param("lang", "en").with(user("v").roles("VIEWER")))
                .andExpect(content().string(containsString("Products")));
    }
}
