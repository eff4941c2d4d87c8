package io.github.seckill.admin.audit;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.github.seckill.admin.ui.UiController;

/** The audit log page: newest first, searchable by actor, action, target and text. */
@UiController
class AuditController {

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/audit")
    String search(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
            @RequestParam(required = false) String text, @RequestParam(defaultValue = "0") int page, Model model) {
        AuditQuery q = new AuditQuery(actor, action, targetType, targetId, text, page, 50);
        model.addAttribute("q", q);
        model.addAttribute("result", log.search(q));
        return "audit";
    }
}
