package io.github.seckill.loadtest.sale;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * The sale: buyers arrive at the planned rate (or all at once), each with a ready token; repeat
 * clickers click several times, with or without an Idempotency-Key; catalogue readers browse
 * meanwhile. Every purchase answer is counted by status and problem type in {@link Outcomes}.
 */
public class SaleSimulation extends Simulation {

    /** Answers the API documents for a purchase; anything else is a failure in the report. */
    private static final Integer[] DOCUMENTED = {202, 409, 410, 425, 429, 503};

    public SaleSimulation() {
        Plan plan = Plan.current();
        SaleShape shape = plan.shape;
        HttpRequestActionBuilder purchase = http("purchase").post("/api/v1/activities/" + plan.sale + "/orders")
                .header("Authorization", "Bearer #{token}").body(StringBody("{\"quantity\":1}"));
        ChainBuilder click = doIfOrElse(session -> session.contains("key"))
                .then(exec(answered(purchase.header("Idempotency-Key", "#{key}"))))
                .orElse(exec(answered(purchase)))
                .exec(session -> record(plan, session));
        List<PopulationBuilder> crowd = new ArrayList<>();
        crowd.add(plan.warmUp
                // a cold service flooded at once trips its breakers: the warm-up climbs to the rate
                ? scenario("buyers").feed(listFeeder(plan.buyers).circular()).exec(click)
                        .injectOpen(rampUsersPerSec(2).to(shape.rate()).during(warmUpRamp(shape)))
                : scenario("buyers").feed(listFeeder(plan.buyers)).repeat("#{clicks}").on(click)
                        // a ramp shorter than a second injects nobody: those buyers come at once
                        .injectOpen(shape.arrival().compareTo(Duration.ofSeconds(1)) < 0
                                ? atOnceUsers(shape.buyers())
                                : rampUsers(shape.buyers()).during(shape.arrival())));
        if (shape.readRate() > 0) {
            Duration browsing = shape.arrival().compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5)
                    : shape.arrival();
            crowd.add(scenario("catalogue readers")
                    .exec(http("catalogue").get("/api/v1/activities").check(status().is(200)))
                    .exec(http("sale").get("/api/v1/activities/" + plan.sale).check(status().is(200)))
                    .exec(session -> {
                        plan.outcomes.read();
                        plan.outcomes.read();
                        return session;
                    })
                    .injectOpen(constantUsersPerSec(shape.readRate()).during(browsing)));
        }
        setUp(crowd).protocols(Protocols.api(plan));
    }

    /** A linear climb from 2/s to the rate that brings about {@code buyers} users. */
    private static Duration warmUpRamp(SaleShape shape) {
        return Duration.ofMillis(Math.max(1000, Math.round(2000.0 * shape.buyers() / (shape.rate() + 2))));
    }

    private static HttpRequestActionBuilder answered(HttpRequestActionBuilder request) {
        return request.check(status().saveAs("status"), responseTimeInMillis().saveAs("latency"),
                header("Idempotent-Replayed").optional().saveAs("replayed"), bodyString().saveAs("body"),
                status().in(DOCUMENTED));
    }

    private static Session record(Plan plan, Session session) {
        plan.outcomes.purchase(session.contains("status") ? session.getInt("status") : 0, session.getString("body"),
                session.contains("replayed"), session.contains("latency") ? session.getInt("latency") : 0);
        return session.removeAll("status", "latency", "replayed", "body");
    }
}
