package io.github.seckill.loadtest.sale;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the runner hands to the Gatling simulations, which Gatling builds itself by reflection in
 * this JVM: the platform, the sale, the shoppers still to sign up and the tokens they got, the
 * buyers, and where outcomes are counted. One plan at a time.
 */
public final class Plan {

    private static volatile Plan current;

    final Platform platform;
    final SaleShape shape;
    final long sale;
    final List<String> addresses;
    /** Usernames still to register and log in ({@link TokenSource#API}). */
    final Queue<String> signUps = new ConcurrentLinkedQueue<>();
    final Queue<String> tokens = new ConcurrentLinkedQueue<>();
    final Outcomes outcomes = new Outcomes();
    volatile List<Map<String, Object>> buyers = List.of();
    /** A warm-up: buyers arrive on a ramp from 2/s up to the shape's rate, drawn from the feeder in a circle. */
    volatile boolean warmUp;

    Plan(Platform platform, SaleShape shape, long sale) {
        this.platform = platform;
        this.shape = shape;
        this.sale = sale;
        this.addresses = clientAddresses(platform, shape.addresses());
    }

    /**
     * A plan for a warm-up sale before the measured one, with the same shoppers: seckill-api's and
     * order-service's JIT, pools and connections are warm when the measured sale starts.
     */
    Plan warmUp(long warmUpSale, SaleShape warmUpShape) {
        Plan warm = new Plan(platform, warmUpShape, warmUpSale);
        warm.tokens.addAll(tokens);
        warm.buyers = Shoppers.buyers(warmUpShape, List.copyOf(tokens));
        warm.warmUp = true;
        return warm;
    }

    static Plan current() {
        Plan plan = current;
        if (plan == null) {
            throw new IllegalStateException("no sale planned: run the simulations through SaleRun");
        }
        return plan;
    }

    static void start(Plan plan) {
        current = plan;
    }

    static void end() {
        current = null;
    }

    /** 127.0.0.2, 127.0.0.3, ... for a loopback target: on Linux the whole 127.0.0.0/8 is local. */
    private static List<String> clientAddresses(Platform platform, int count) {
        String host = platform.api().getHost();
        if (count == 0 || !(host.startsWith("127.") || host.equals("localhost"))) {
            return List.of();
        }
        List<String> addresses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            addresses.add("127.0." + (i / 250) + "." + (i % 250 + 2));
        }
        return addresses;
    }
}
