package io.github.seckill.admin.product;

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

import io.github.seckill.common.problem.Problems;
import io.github.seckill.common.problem.ProblemTypes;

@RestController
@RequestMapping("/admin/api/v1/products")
class ProductController {

    private final ProductCatalog catalog;

    ProductController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @PostMapping
    ResponseEntity<ProductView> add(@Valid @RequestBody NewProduct body) {
        ProductView created = catalog.add(body);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(created);
    }

    @GetMapping
    List<ProductView> all() {
        return catalog.all();
    }

    @GetMapping("/{id}")
    ProductView one(@PathVariable long id) {
        return catalog.get(id);
    }

    @PutMapping("/{id}")
    ProductView change(@PathVariable long id, @Valid @RequestBody NewProduct body) {
        return catalog.change(id, body);
    }

    @PostMapping("/{id}/archive")
    ProductView archive(@PathVariable long id) {
        return catalog.archive(id);
    }

    @ExceptionHandler
    ProblemDetail notFound(ProductNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, e.getMessage());
    }
}
