package io.github.seckill.admin.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of UI pages as a page in the back office's layout, with the status set. Ordered before the
 * API's problem advice, which stays in charge of <code>@RestController</code>s.
 */
@ControllerAdvice(annotations = UiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class UiAdvice {

    private static final Logger log = LoggerFactory.getLogger(UiAdvice.class);

    @ExceptionHandler
    ModelAndView failed(Exception e) {
        HttpStatusCode status = e instanceof ErrorResponse r ? r.getStatusCode() : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is5xxServerError()) {
            log.error("page failed", e);
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("detail", status.is5xxServerError() ? null : e.getMessage());
        return page;
    }
}
