package io.github.seckill.compensation.alerts;

import java.util.LinkedHashMap;
import java.util.Map;

/** Message bodies of the webhook receivers this service speaks to. */
enum AlertShape {
    /** {@code {"severity","title","text","orderId","activityId","at"}}. */
    GENERIC {
        @Override
        Map<String, Object> body(Alert a) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("severity", a.severity());
            body.put("title", a.title());
            body.put("text", a.text());
            body.put("orderId", Long.toString(a.orderId()));
            body.put("activityId", a.activityId());
            body.put("at", a.at().toString());
            return body;
        }
    },
    /** WeCom group robot, markdown message. */
    WECOM {
        @Override
        Map<String, Object> body(Alert a) {
            return Map.of("msgtype", "markdown", "markdown", Map.of("content", markdown(a)));
        }
    },
    /** DingTalk custom robot, markdown message. */
    DINGTALK {
        @Override
        Map<String, Object> body(Alert a) {
            return Map.of("msgtype", "markdown", "markdown", Map.of("title", a.title(), "text", markdown(a)));
        }
    },
    /** Slack incoming webhook. */
    SLACK {
        @Override
        Map<String, Object> body(Alert a) {
            return Map.of("text", "*[" + a.severity() + "] " + a.title() + "*\n" + a.text() + "\norder "
                    + a.orderId() + ", sale " + a.activityId() + ", " + a.at());
        }
    };

    abstract Map<String, Object> body(Alert alert);

    static String markdown(Alert a) {
        return "### [" + a.severity() + "] " + a.title() + "\n" + a.text() + "\n> order " + a.orderId() + ", sale "
                + a.activityId() + ", " + a.at();
    }
}
