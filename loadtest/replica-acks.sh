#!/usr/bin/env bash
# What a 202 pays for waiting until the replica of the sale's Redis master holds the reservation (ADR 17):
# reservations of one hot sale on a Redis Cluster of 3 masters and 3 replicas started for the run, without
# and with seckill-api's ReplicaAcks (WAIT 1 50ms, one per sale at a time).
#   loadtest/replica-acks.sh [threads] [seconds]     (default 32 threads, 20 s per run)
# Needs only a JDK: the Redis nodes are the embedded redis-server the tests use.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests install -pl local-stack -am
exec ./mvnw -q -B -pl local-stack exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=io.github.seckill.stack.ReplicaAcksBenchmark -Dexec.args="${1:-32} ${2:-20}"
