package io.github.seckill.admin.product;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.github.seckill.admin.ui.UiController;

/** Products pages: list, create, edit, archive (changes need ADMIN, see SecurityConfig). */
@UiController
class ProductsPage {

    private final ProductCatalog catalog;

    ProductsPage(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/products")
    String list(Model model) {
        model.addAttribute("products", catalog.all());
        return "products/list";
    }

    @GetMapping("/products/new")
    String blank(Model model) {
        model.addAttribute("form", new ProductForm());
        return "products/form";
    }

    @PostMapping("/products")
    String create(@Valid @ModelAttribute("form") ProductForm form, BindingResult errors, RedirectAttributes flash) {
        if (errors.hasErrors()) {
            return "products/form";
        }
        catalog.add(form.toRequest());
        flash.addFlashAttribute("notice", "notice.saved");
        return "redirect:/products";
    }

    @GetMapping("/products/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        ProductView product = catalog.get(id);
        model.addAttribute("product", product);
        model.addAttribute("form", ProductForm.of(product));
        return "products/form";
    }

    @PostMapping("/products/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") ProductForm form, BindingResult errors,
            Model model, RedirectAttributes flash) {
        if (errors.hasErrors()) {
            model.addAttribute("product", catalog.get(id));
            return "products/form";
        }
        catalog.change(id, form.toRequest());
        flash.addFlashAttribute("notice", "notice.saved");
        return "redirect:/products";
    }

    @PostMapping("/products/{id}/archive")
    String archive(@PathVariable long id, RedirectAttributes flash) {
        catalog.archive(id);
        flash.addFlashAttribute("notice", "notice.archived");
        return "redirect:/products";
    }

    @ExceptionHandler
    ModelAndView notFound(ProductNotFound e) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        page.addObject("detail", e.getMessage());
        return page;
    }
}
