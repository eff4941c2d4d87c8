package io.github.seckill.admin.failed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.github.seckill.admin.ui.UiController;
import io.github.seckill.admin.upstream.Ops;
import io.github.seckill.admin.upstream.UpstreamRefused;

/** The failed-order archive of compensation-service: filter, detail, retry, resolve, CSV, retry policy. */
@UiController
class FailedOrdersPage {

    private final FailedOrders failed;

    FailedOrdersPage(FailedOrders failed) {
        this.failed = failed;
    }

    @GetMapping("/failed-orders")
    String list(@ModelAttribute("q") Ops.ArchiveQuery q, Model model) {
        model.addAttribute("result", failed.archives(q));
        model.addAttribute("policy", failed.policy());
        return "failed/list";
    }

    @GetMapping("/failed-orders/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("detail", failed.archive(id));
        return "failed/detail";
    }

    @PostMapping("/failed-orders/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes flash) {
        return act(() -> flash.addFlashAttribute("results", List.of(failed.retry(id))), flash,
                "redirect:/failed-orders/" + id);
    }

    @PostMapping("/failed-orders/retries")
    String retryMany(@RequestParam(name = "ids", required = false) List<Long> ids, RedirectAttributes flash) {
        if (ids == null || ids.isEmpty()) {
            flash.addFlashAttribute("problemKey", "failed.noneSelected");
            return "redirect:/failed-orders";
        }
        return act(() -> flash.addFlashAttribute("results", failed.retry(ids)), flash, "redirect:/failed-orders");
    }

    @PostMapping("/failed-orders/{id}/resolution")
    String resolve(@PathVariable long id, @RequestParam(defaultValue = "") String comment, RedirectAttributes flash) {
        if (comment.isBlank() || comment.length() > 1000) {
            flash.addFlashAttribute("problemKey", "failed.comment.invalid");
            return "redirect:/failed-orders/" + id;
        }
        return act(() -> {
            failed.resolve(id, comment.strip());
            flash.addFlashAttribute("notice", "notice.resolved");
        }, flash, "redirect:/failed-orders/" + id);
    }

    /** Streams compensation-service's CSV through, row by row as it arrives. */
    @GetMapping("/failed-orders.csv")
    void csv(@ModelAttribute Ops.ArchiveQuery q, HttpServletResponse response) throws IOException {
        try {
            failed.exportCsv(q, () -> {
                response.setContentType("text/csv;charset=" + StandardCharsets.UTF_8.name());
                response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"failed-order-archives.csv\"");
                return response.getOutputStream();
            });
        } catch (UpstreamRefused e) {
            if (!response.isCommitted()) {
                response.sendError(e.status() >= 500 ? 503 : e.status(), e.getMessage());
            }
        } catch (UncheckedIOException e) {
            // the browser went away mid-download
        }
    }

    @GetMapping("/failed-orders/policy")
    String policy(Model model) {
        model.addAttribute("policy", failed.policy());
        return "failed/policy";
    }

    @PostMapping("/failed-orders/policy")
    String changePolicy(@RequestParam(defaultValue = "") String delays, RedirectAttributes flash) {
        try {
            failed.changePolicy(delays);
            flash.addFlashAttribute("notice", "notice.saved");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("problemKey", "failed.policy.invalid");
        } catch (UpstreamRefused e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/failed-orders/policy";
    }

    private static String act(Runnable action, RedirectAttributes flash, String then) {
        try {
            action.run();
        } catch (UpstreamRefused e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return then;
    }
}
