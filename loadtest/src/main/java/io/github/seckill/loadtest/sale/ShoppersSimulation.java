package io.github.seckill.loadtest.sale;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.Objects;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Before the sale: shoppers register and log in through seckill-api, a few at a time (each costs
 * the server a BCrypt hash), and their access tokens are kept for the sale's feeder.
 */
public class ShoppersSimulation extends Simulation {

    static final String PASSWORD = "password123";
    private static final int AT_ONCE = 32;

    public ShoppersSimulation() {
        Plan plan = Plan.current();
        String credentials = "{\"username\":\"#{name}\",\"password\":\"" + PASSWORD + "\"}";
        ChainBuilder signUp = exec(session -> session.set("name", Objects.requireNonNullElse(plan.signUps.poll(), "")))
                .doIf(session -> !session.getString("name").isEmpty()).then(exec(
                        http("register").post("/api/v1/auth/register").body(StringBody(credentials))
                                .check(status().in(201, 409)),
                        http("login").post("/api/v1/auth/login").body(StringBody(credentials))
                                .check(status().is(200), jmesPath("accessToken").saveAs("token")))
                        .exec(session -> {
                            if (session.contains("token")) {
                                plan.tokens.add(session.getString("token"));
                            }
                            return session.remove("token");
                        }));
        ScenarioBuilder shoppers = scenario("shoppers").asLongAs(session -> !plan.signUps.isEmpty()).on(signUp);
        setUp(shoppers.injectOpen(atOnceUsers(Math.min(AT_ONCE, plan.shape.shoppers()))))
                .protocols(Protocols.api(plan));
    }
}
