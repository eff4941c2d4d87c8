package io.github.seckill.admin.stuck;

import java.time.Duration;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.github.seckill.admin.ui.UiController;
import io.github.seckill.admin.upstream.CompensationClient;

/** Reservations and global transactions not yet terminal, oldest first, with the sweeper's next step. */
@UiController
class StuckPage {

    private final CompensationClient compensation;

    StuckPage(CompensationClient compensation) {
        this.compensation = compensation;
    }

    @GetMapping("/stuck")
    String stuck(@RequestParam(defaultValue = "30") long olderThanSeconds, Model model) {
        long seconds = Math.max(0, Math.min(olderThanSeconds, 86_400));
        model.addAttribute("olderThanSeconds", seconds);
        model.addAttribute("stuck", compensation.stuck(Duration.ofSeconds(seconds), 200));
        model.addAttribute("drift", compensation.stock());
        return "stuck";
    }
}
