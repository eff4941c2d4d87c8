package io.github.seckill.loadtest.sale;

import java.time.Duration;
import java.util.Locale;

/**
 * The sale and the crowd.
 *
 * @param buyers       virtual buyers, each one purchase attempt (or {@code repeatClicks} for a repeat clicker)
 * @param shoppers     accounts the buyers are drawn from in turn; fewer than buyers only with a per-user limit
 *                     that lets each buy more than once (the soak)
 * @param rate         buyers arriving per second; 0 = all at once
 * @param repeatShare  share of buyers who click {@code repeatClicks} times; half of them send one
 *                     Idempotency-Key with every click, half send none
 * @param readRate     catalogue readers per second while buyers arrive (each reads the list and the sale)
 * @param addresses    client addresses on 127.0.0.0/8 the load is spread over (the platform limits per address,
 *                     and a real crowd has many); 0 = the system's choice. Only for a loopback target.
 * @param warmUp       purchases on a warm-up sale of its own before the measured one (not counted); 0 = none
 */
public record SaleShape(int buyers, int shoppers, int stock, int limitPerUser, double rate, double repeatShare,
        int repeatClicks, double readRate, TokenSource tokens, int addresses, int warmUp, Duration quietTimeout) {

    public SaleShape {
        if (buyers < 1 || shoppers < 1 || shoppers > buyers || stock < 1 || limitPerUser < 1 || rate < 0
                || repeatShare < 0 || repeatShare > 1 || repeatClicks < 1 || readRate < 0 || addresses < 0 || warmUp < 0) {
            throw new IllegalArgumentException("impossible sale: " + this);
        }
    }

    public static SaleShape fromSystemProperties() {
        int buyers = Integer.parseInt(Platform.prop("buyers", "1000"));
        return new SaleShape(buyers, Integer.parseInt(Platform.prop("shoppers", Integer.toString(buyers))),
                Integer.parseInt(Platform.prop("stock", "100")), Integer.parseInt(Platform.prop("limit-per-user", "1")),
                Double.parseDouble(Platform.prop("rate", "0")), Double.parseDouble(Platform.prop("repeat-share", "0")),
                Integer.parseInt(Platform.prop("repeat-clicks", "3")), Double.parseDouble(Platform.prop("read-rate", "20")),
                TokenSource.valueOf(Platform.prop("tokens", "api").toUpperCase(Locale.ROOT)),
                Integer.parseInt(Platform.prop("addresses", "200")), Integer.parseInt(Platform.prop("warm-up", "2000")),
                Duration.ofSeconds(Long.parseLong(Platform.prop("quiet-timeout", "180"))));
    }

    /**
     * The warm-up sale: up to {@code warmUp} shoppers buy one unit each, climbing to the sale's rate (at most
     * 1,000/s), with the same readers; every purchase takes the whole path (stock for all). It is there for the
     * compilers: the server compiler optimises a method after some ten thousand calls.
     */
    SaleShape warmUpShape() {
        int buyers = Math.min(warmUp, shoppers);
        return new SaleShape(buyers, buyers, buyers, 1, Math.min(rate == 0 ? 1000 : rate, 1000), 0, 1, readRate,
                tokens, addresses, 0, quietTimeout);
    }

    /** How long buyers keep arriving. */
    public Duration arrival() {
        return rate == 0 ? Duration.ZERO : Duration.ofMillis(Math.round(buyers * 1000 / rate));
    }

    @Override
    public String toString() {
        return buyers + " buyers (" + shoppers + " shoppers, tokens " + tokens.name().toLowerCase(Locale.ROOT) + ") on stock "
                + stock + ", limit " + limitPerUser + " per shopper, " + (rate == 0 ? "all at once" : rate + " buyers/s")
                + ", " + Math.round(repeatShare * 100) + "% clicking " + repeatClicks + " times, " + readRate
                + " catalogue readers/s";
    }
}
