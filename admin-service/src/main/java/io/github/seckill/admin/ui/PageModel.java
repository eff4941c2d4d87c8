package io.github.seckill.admin.ui;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the display zone, the poll interval, the current path for the menu. */
@ControllerAdvice(annotations = UiController.class)
@EnableConfigurationProperties(UiSettings.class) // also in web slices, which skip the properties scan
class PageModel {

    private final UiSettings settings;

    PageModel(UiSettings settings) {
        this.settings = settings;
    }

    @ModelAttribute("ui")
    UiSettings ui() {
        return settings;
    }

    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
