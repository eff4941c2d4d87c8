package io.github.seckill.operations;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PromQL expression of a dashboard panel or an alert rule, with where it comes from
 * ({@code "sale.json: Purchase latency [B]"}, {@code "alert DlqBacklog"}).
 */
public record Query(String source, String expr, boolean alert) {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)}?");
    private static final Pattern THRESHOLD = Pattern.compile("(?s)(.*?)\\s*(==|!=|>=|<=|>|<)\\s*(bool\\s+)?-?[0-9.]+\\s*");
    /** Grafana's variables with the values a dashboard shows first: every instance and sale. */
    private static final Map<String, String> ALL = Map.of("instance", ".*", "sale", ".*");

    /** The expression as Prometheus gets it from Grafana, with {@code rateWindow} for its interval variables. */
    public String evaluable(String rateWindow) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.startsWith("__") ? rateWindow : ALL.get(name);
            if (value == null) {
                throw new IllegalStateException(source + " uses unknown variable $" + name);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    /**
     * For an alert, its expression without the final threshold comparison: the signal that has
     * data whenever the platform reports, firing or not. A dashboard query is its own signal.
     */
    public String signal(String rateWindow) {
        String evaluable = evaluable(rateWindow);
        if (!alert) {
            return evaluable;
        }
        Matcher m = THRESHOLD.matcher(evaluable);
        if (!m.matches()) {
            throw new IllegalStateException(source + " does not end in a threshold comparison: " + expr);
        }
        return m.group(1);
    }
}
