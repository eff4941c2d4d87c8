package io.github.seckill.admin.ui;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Formats times for the pages in the UI's zone; templates call it as <code>@times</code>. */
@Component("times")
public class Times {

    private final DateTimeFormatter format;

    Times(UiSettings settings) {
        this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(settings.zone());
    }

    public String format(Instant t) {
        return t == null ? "—" : format.format(t);
    }
}
