#!/usr/bin/env bash
# One hot sale drained through Kafka into MySQL under Seata (order-service's batch placement).
#   loadtest/order-drain.sh [orders] [--instances=N] [--sales=N] [--setting=value ...]   (default 10000 orders)
# --instances=2 starts a second order-service JVM in the same consumer group; --sales=4 splits the
# orders over four sales; --seckill.stock.slices=1 keeps one stock row per sale (ADR 18).
# Needs what the tests need: MySQL-compatible DB and Redis (local or SECKILL_TEST_*); Kafka
# (embedded broker) and the Seata TC (coordinator jar) are started by the harness.
set -euo pipefail
cd "$(dirname "$0")/.."
orders="${1:-10000}"
./mvnw -q -B -DskipTests install -pl order-service -am
exec ./mvnw -q -B -pl order-service exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=io.github.seckill.order.bench.OrderDrainBenchmark -Dexec.args="$orders ${*:2}"
