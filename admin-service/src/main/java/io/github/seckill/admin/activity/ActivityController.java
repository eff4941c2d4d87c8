package io.github.seckill.admin.activity;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.github.seckill.common.problem.FieldMessage;
import io.github.seckill.common.problem.Problems;
import io.github.seckill.common.problem.ProblemTypes;

@RestController
@RequestMapping("/admin/api/v1/activities")
class ActivityController {

    private final ActivityService sales;
    private final SaleMonitor monitor;

    ActivityController(ActivityService sales, SaleMonitor monitor) {
        this.sales = sales;
        this.monitor = monitor;
    }

    @PostMapping
    ResponseEntity<ActivityView> schedule(@Valid @RequestBody NewActivity body) {
        ActivityView created = sales.schedule(body);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(created);
    }

    @GetMapping
    List<ActivityView> all() {
        return sales.all();
    }

    @GetMapping("/{id}")
    ActivityView one(@PathVariable long id) {
        return sales.get(id);
    }

    /** Stock and orders from Redis and order-service; a source that is down is listed in unavailable. */
    @GetMapping("/{id}/stats")
    SaleStats stats(@PathVariable long id) {
        return monitor.stats(id);
    }

    @PutMapping("/{id}")
    ActivityView reschedule(@PathVariable long id, @Valid @RequestBody NewActivity body) {
        return sales.reschedule(id, body);
    }

    @PostMapping("/{id}/prewarm")
    ActivityView prewarm(@PathVariable long id) {
        return sales.prewarm(id);
    }

    @PostMapping("/{id}/close")
    ActivityView close(@PathVariable long id) {
        return sales.close(id);
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidSale e) {
        return Problems.invalid(e.field(), e.getMessage());
    }

    /** 422: the body is well formed, but it refers to a product that does not exist. */
    @ExceptionHandler
    ProblemDetail unknownProduct(UnknownProduct e) {
        return Problems.invalid(HttpStatus.UNPROCESSABLE_ENTITY,
                List.of(new FieldMessage("productId", e.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail notFound(SaleNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.SALE_NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(SaleStateConflict e) {
        return Problems.of(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, e.getMessage());
    }
}
