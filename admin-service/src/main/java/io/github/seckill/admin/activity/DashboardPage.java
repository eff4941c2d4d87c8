package io.github.seckill.admin.activity;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import io.github.seckill.admin.ui.UiController;

/** The dashboard: rendered once, then its figures are polled as JSON by dashboard.js. */
@UiController
class DashboardPage {

    private final Dashboard dashboard;

    DashboardPage(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/")
    String page(Model model) {
        model.addAttribute("figures", dashboard.read());
        return "dashboard";
    }

    @GetMapping("/dashboard/figures")
    @ResponseBody
    Dashboard.Figures figures() {
        return dashboard.read();
    }
}
