package io.github.seckill.compensation.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The seeded ops user of {@code /ops/api/v1} (role OPS).
 *
 * @param password the default {@code ops} is refused outside the local, default and test profiles
 */
@ConfigurationProperties("seckill.ops")
record OpsAccount(@DefaultValue("ops") String username, @DefaultValue("ops") String password) {

}
