package io.github.seckill.common.secrets;

import java.util.List;

/**
 * A secret with a published local default: the property, the environment variable that sets it, and the
 * default every local run uses.
 */
public record LocalSecret(String property, String variable, String defaultValue) {

    public static final String INTERNAL_PASSWORD = "internal-local-only";
    public static final String JWT_SECRET = "local-development-secret-change-me-0123456789";

    /** Every one the platform has: the service account on order-service's internal API from both ends, the
     * shoppers' token key, the ops account from both ends, the first admin. */
    static final List<LocalSecret> ALL = List.of(
            new LocalSecret("seckill.internal.password", "SECKILL_INTERNAL_PASSWORD", INTERNAL_PASSWORD),
            new LocalSecret("seckill.order-service.password", "SECKILL_INTERNAL_PASSWORD", INTERNAL_PASSWORD),
            new LocalSecret("seckill.jwt.secret", "SECKILL_JWT_SECRET", JWT_SECRET),
            new LocalSecret("seckill.ops.password", "SECKILL_OPS_PASSWORD", "ops"),
            new LocalSecret("seckill.compensation.password", "SECKILL_OPS_PASSWORD", "ops"),
            new LocalSecret("seckill.admin.bootstrap.password", "SECKILL_ADMIN_BOOTSTRAP_PASSWORD", "admin"));
}
