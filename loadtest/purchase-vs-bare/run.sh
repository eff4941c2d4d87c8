#!/usr/bin/env bash
# Benchmark: seckill-api's purchase endpoint against two floors of the same running app, in one run, with
# real Redis, Kafka and MariaDB on this machine: a bare JSON endpoint (GET /api/v1/time) and the minimal
# purchase (POST /bench/v1/activities/{id}/orders?user=N, on only for this run: the reserve script and the
# Kafka send with its ack, no security, limits or idempotency; what the stores themselves cost).
# Prints requests/s of each, the ratios (the target line: ratio purchase/minimal), p50/p90/p99, the CPU each
# answer cost each process, and the machine. Sends load to 127.0.0.1 only and stops by itself.
#
#   loadtest/purchase-vs-bare/run.sh            # defaults below; override e.g. DURATION=30 CONNECTIONS=64
#   API_ARGS="--seckill.idempotency.ttl=1h" loadtest/purchase-vs-bare/run.sh   # more settings of seckill-api
#   GLOBAL_LIMIT=off SALE_LIMIT=off loadtest/purchase-vs-bare/run.sh   # the shared purchase limits taken out
#   INSTANCES=2 loadtest/purchase-vs-bare/run.sh   # two seckill-api processes (ports PORT, PORT+1), one
#                                                # wrk each with half the connections; req/s and CPU summed,
#                                                # percentiles the worse instance's
#
# Each endpoint is warmed up in 10 s rounds until the JIT compilers are done with it: at least WARMUP
# seconds, then until a round spends under WARMUP_COMPILE_MS of compiler time (seckill-api's
# jvm_compilation_time_ms_total), at most WARMUP_MAX seconds.
#
# Needs Redis on 127.0.0.1:6379 and MariaDB/MySQL on 127.0.0.1:3306 (user root, no password, or set
# MYSQL_USER/MYSQL_PASSWORD); uses Kafka at KAFKA_BOOTSTRAP if set, else on 127.0.0.1:9092 if one answers,
# else starts a single-node KRaft broker for the run. wrk must be installed (Debian: apt-get install wrk).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-40}
WARMUP_MAX=${WARMUP_MAX:-240}
WARMUP_COMPILE_MS=${WARMUP_COMPILE_MS:-250}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-1}
USERS=${USERS:-200}
PORT=${PORT:-18480}
INSTANCES=${INSTANCES:-1}
MYSQL_USER=${MYSQL_USER:-root}
MYSQL_PASSWORD=${MYSQL_PASSWORD:-}
API_JVM=${API_JVM:--Xms768m -Xmx768m -XX:+UseParallelGC}
GLOBAL_LIMIT=${GLOBAL_LIMIT:-100000/1s} # wide enough that no purchase is refused; "off" to take them out
SALE_LIMIT=${SALE_LIMIT:-100000/1s}
RUN=bench$(date +%s)
SALE=$(( $(date +%s) % 1000000 + 9000000 ))
WORK=$(mktemp -d /tmp/purchase-vs-bare.XXXXXX)
API_PIDS=()
KAFKA_PID=""

cleanup() {
  rm -f "$WORK/seckill-api.jar" # the logs stay in $WORK
  for pid in "${API_PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  [ -n "$KAFKA_PID" ] && kill "$KAFKA_PID" 2>/dev/null && wait "$KAFKA_PID" 2>/dev/null || true
  [ -f "$HERE/target/cp.txt" ] && java -cp "$HERE/target/classes:$(cat "$HERE/target/cp.txt")" \
    io.github.seckill.loadtest.bench.Bench cleanup 127.0.0.1 6379 "$RUN" >/dev/null 2>&1 || true
}
trap cleanup EXIT

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)"; exit 1; }
answers 6379 || { echo "no Redis on 127.0.0.1:6379"; exit 1; }
answers 3306 || { echo "no MySQL/MariaDB on 127.0.0.1:3306"; exit 1; }

if [ -z "${SKIP_BUILD:-}" ] || [ ! -f "$HERE/target/cp.txt" ]; then
  echo "== building seckill-api and the harness"
  (cd "$ROOT" && ./mvnw -q -pl seckill-api -am install -DskipTests)
  (cd "$HERE" && "$ROOT/mvnw" -q package dependency:build-classpath -Dmdep.outputFile=target/cp.txt)
fi
cp "$ROOT/seckill-api/target/seckill-api.jar" "$WORK/"
CP="$HERE/target/classes:$(cat "$HERE/target/cp.txt")"

if [ -n "${KAFKA_BOOTSTRAP:-}" ]; then
  KAFKA=$KAFKA_BOOTSTRAP
elif answers 9092; then
  KAFKA=127.0.0.1:9092
else
  echo "== starting a Kafka broker for the run"
  java -Xmx512m -cp "$CP" io.github.seckill.loadtest.bench.BenchKafka 3600 >"$WORK/kafka.log" 2>&1 &
  KAFKA_PID=$!
  for _ in $(seq 1 120); do grep -q "KAFKA READY" "$WORK/kafka.log" && break; sleep 1; done
  KAFKA=$(sed -n 's/^KAFKA READY //p' "$WORK/kafka.log")
  [ -n "$KAFKA" ] || { cat "$WORK/kafka.log"; exit 1; }
fi

for i in $(seq 0 $((INSTANCES - 1))); do
  port=$((PORT + i))
  echo "== starting seckill-api on 127.0.0.1:$port (Kafka $KAFKA, key prefix $RUN)"
  # Limits stay on. The per-address limit is off: every request of this run comes from 127.0.0.1.
  java $API_JVM -jar "$WORK/seckill-api.jar" --server.port="$port" --server.address=127.0.0.1 \
    --spring.datasource.url="jdbc:mysql://127.0.0.1:3306/seckill_api_bench?createDatabaseIfNotExist=true&useSSL=false&allowPublicKeyRetrieval=true" \
    --spring.datasource.username="$MYSQL_USER" --spring.datasource.password="$MYSQL_PASSWORD" \
    --spring.kafka.bootstrap-servers="$KAFKA" --seckill.topics.order-placed="seckill.order.placed.$RUN" \
    --seckill.redis.key-prefix="$RUN" --seckill.limits.ip=off --seckill.limits.user=1000/1s \
    --seckill.limits.global="$GLOBAL_LIMIT" --seckill.limits.sale="$SALE_LIMIT" --seckill.limits.auth-ip=off \
    --seckill.bench.minimal-purchase=true --logging.level.root=warn ${API_ARGS:-} >"$WORK/api-$i.log" 2>&1 &
  API_PIDS+=($!)
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
    kill -0 "${API_PIDS[$i]}" 2>/dev/null || { tail -50 "$WORK/api-$i.log"; exit 1; }
    sleep 1
  done
done

echo "== prewarming sale $SALE and logging in $USERS shoppers"
java -cp "$CP" io.github.seckill.loadtest.bench.Bench prepare "http://127.0.0.1:$PORT" 127.0.0.1 6379 "$RUN" \
  "$SALE" "$USERS" "$WORK/tokens.txt"

load() { # label seconds method path [body]: one wrk per instance, their RESULT lines combined
  local i pids=()
  for i in $(seq 0 $((INSTANCES - 1))); do
    wrk -t"$THREADS" -c"$((CONNECTIONS / INSTANCES))" -d"$2s" --timeout 5s -s "$HERE/wrk.lua" \
      "http://127.0.0.1:$((PORT + i))" -- "$WORK/tokens.txt" "$RUN-$1-$i" "$3" "$4" ${5:+"$5"} \
      | sed -n 's/^RESULT //p' >"$WORK/wrk-$i.out" &
    pids+=($!)
  done
  wait "${pids[@]}" # not the broker the run may have started
  cat "$WORK"/wrk-*.out | awk '{
    for (f = 1; f <= NF; f++) { split($f, kv, "="); k = kv[1]; v = kv[2]
      if (k == "requests" || k == "rps" || k == "non2xx" || k == "socket_errors") sum[k] += v
      else if (v > top[k]) top[k] = v }
  } END {
    printf "requests=%d seconds=%.2f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
      sum["requests"], top["seconds"], sum["rps"], top["p50_ms"], top["p90_ms"], top["p99_ms"], top["max_ms"],
      sum["non2xx"], sum["socket_errors"] }'
}
PURCHASE=(POST "/api/v1/activities/$SALE/orders" '{"quantity":1}')
BARE=(GET /api/v1/time)
MINIMAL=(POST "/bench/v1/activities/$SALE/orders?user={user}")

metric() { # sums a metric over the Prometheus pages of every seckill-api instance
  for i in $(seq 0 $((INSTANCES - 1))); do curl -fs "http://127.0.0.1:$((PORT + i))/actuator/prometheus"; done \
    | awk -v m="$1" '$1 == m || index($1, m "{") == 1 { s += $NF } END { printf "%d", s }'
}
# Measured with the compilers still at work, an endpoint pays for them: after 40 s of purchases the server
# compiler was still busy for a quarter of seckill-api's CPU in the measured purchases. Methods the
# other endpoint's rounds leave idle are dropped from the compile queue, so each warm-up runs to the end.
warm() { # label method path [body]
  local label=$1 spent=0 before after
  shift
  before=$(metric jvm_compilation_time_ms_total)
  while :; do
    load "warm-$label-$spent" 10 "$@" >/dev/null
    spent=$((spent + 10))
    after=$(metric jvm_compilation_time_ms_total)
    echo "   $label: ${spent}s, compilers $((after - before)) ms in the last 10 s"
    if [ "$spent" -ge "$WARMUP" ] && [ $((after - before)) -lt "$WARMUP_COMPILE_MS" ]; then break; fi
    if [ "$spent" -ge "$WARMUP_MAX" ]; then echo "   $label: compilers still busy after ${spent}s"; break; fi
    before=$after
  done
}

# CPU time (clock ticks) of the whole machine and of the processes answering, for CPU per answer.
TICK=$(getconf CLK_TCK)
listener() { ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
REDIS_PID=$(listener 6379)
BROKER_PID=${KAFKA_PID:-$(listener "${KAFKA##*:}")}
ticks() { [ -n "$1" ] && [ -r "/proc/$1/stat" ] && awk '{ print $14 + $15 }' "/proc/$1/stat" || echo 0; }
api_ticks() { local t=0 pid; for pid in "${API_PIDS[@]}"; do t=$((t + $(ticks "$pid"))); done; echo "$t"; }
snapshot() { # busy steal api redis broker
  echo "$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $9 }' /proc/stat) $(api_ticks) $(ticks "$REDIS_PID") $(ticks "$BROKER_PID")"
}
measure() { # label seconds method path [body]: the wrk RESULT line plus the CPU spent meanwhile
  local before after result
  before=$(snapshot)
  result=$(load "$@")
  after=$(snapshot)
  echo "$result $(echo "$before $after" | awk -v t="$TICK" '{
    printf "busy=%.2f steal=%.2f api=%.2f redis=%.2f broker=%.2f", ($6-$1)/t, ($7-$2)/t, ($8-$3)/t, ($9-$4)/t, ($10-$5)/t }')"
}

echo "== warming up (${WARMUP}s to ${WARMUP_MAX}s each)"
warm purchase "${PURCHASE[@]}"
warm minimal "${MINIMAL[@]}"
warm bare "${BARE[@]}"

echo "== measuring (${DURATION}s each, $CONNECTIONS connections, $THREADS wrk thread(s))"
BARE_RESULT=$(measure bare "$DURATION" "${BARE[@]}")
MINIMAL_RESULT=$(measure minimal "$DURATION" "${MINIMAL[@]}")
PURCHASE_RESULT=$(measure purchase "$DURATION" "${PURCHASE[@]}")

field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
sleep 2 # requests still in flight when wrk stopped
CHECK=$(java -cp "$CP" io.github.seckill.loadtest.bench.Bench check 127.0.0.1 6379 "$RUN" "$SALE")
ACCEPTED=$(for i in $(seq 0 $((INSTANCES - 1))); do curl -fs "http://127.0.0.1:$((PORT + i))/actuator/prometheus"; done \
  | sed -n 's/^seckill_purchase_requests_total{.*outcome="accepted".*} \([0-9.E]*\)$/\1/p' | awk '{s += $1} END {printf "%d", s}')
MINIMAL_ACCEPTED=$(for i in $(seq 0 $((INSTANCES - 1))); do curl -fs "http://127.0.0.1:$((PORT + i))/actuator/prometheus"; done \
  | awk '/^http_server_requests_seconds_count\{/ && /uri="\/bench\// && /status="202"/ { s += $NF } END { printf "%d", s }')

echo
echo "== machine"
echo "cores: $(nproc), memory: $(free -g | awk '/Mem:/ {print $2}') GiB, cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "os: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r), load before run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "jdk: $(java -version 2>&1 | head -1), api jvm: $API_JVM, seckill-api instances: $INSTANCES"
echo
echo "== results (same app, same bearer token on every request; purchases carry a fresh Idempotency-Key)"
printf '%-34s %10s %9s %9s %9s %8s %7s\n' endpoint "req/s" "p50 ms" "p90 ms" "p99 ms" non-2xx errors
ROWS=("GET /api/v1/time|$BARE_RESULT" "POST /bench/v1/activities/{id}/orders|$MINIMAL_RESULT"
  "POST /api/v1/activities/{id}/orders|$PURCHASE_RESULT")
for row in "${ROWS[@]}"; do
  r=${row#*|}
  printf '%-34s %10s %9s %9s %9s %8s %7s\n' "${row%%|*}" "$(field "$r" rps)" "$(field "$r" p50_ms)" \
    "$(field "$r" p90_ms)" "$(field "$r" p99_ms)" "$(field "$r" non2xx)" "$(field "$r" socket_errors)"
done
awk -v p="$(field "$PURCHASE_RESULT" rps)" -v m="$(field "$MINIMAL_RESULT" rps)" -v b="$(field "$BARE_RESULT" rps)" \
  -v p99="$(field "$PURCHASE_RESULT" p99_ms)" 'BEGIN {
    printf "ratio purchase/minimal: %.2f (target >= 0.70, with the purchase p99 %.2f ms < 25 ms)\n", p / m, p99
    printf "ratio purchase/bare: %.2f, minimal/bare: %.2f\n", p / b, m / b }'

echo
echo "== CPU per answer (ms of CPU time; the rest: wrk, MariaDB, the kernel's own work)"
printf '%-34s %9s %9s %9s %9s %9s %10s %7s\n' endpoint seckill-api redis broker rest all "busy %" "steal %"
for row in "${ROWS[@]}"; do
  r=${row#*|}
  awk -v name="${row%%|*}" -v n="$(field "$r" requests)" -v s="$(field "$r" seconds)" -v busy="$(field "$r" busy)" \
    -v steal="$(field "$r" steal)" -v api="$(field "$r" api)" -v redis="$(field "$r" redis)" \
    -v broker="$(field "$r" broker)" -v cores="$(nproc)" 'BEGIN {
      k = 1000 / n
      printf "%-34s %9.3f %9.3f %9.3f %9.3f %9.3f %10.0f %7.1f\n", name, api * k, redis * k, broker * k,
        (busy - api - redis - broker) * k, busy * k, 100 * busy / (s * cores), 100 * steal / (s * cores) }'
done
awk -v bn="$(field "$BARE_RESULT" requests)" -v bb="$(field "$BARE_RESULT" busy)" \
  -v pn="$(field "$PURCHASE_RESULT" requests)" -v pr="$(field "$PURCHASE_RESULT" redis)" \
  -v pk="$(field "$PURCHASE_RESULT" broker)" 'BEGIN {
    bare = 1000 * bb / bn; servers = 1000 * (pr + pk) / pn
    printf "ceiling: with the machine busy, a purchase that cost seckill-api, wrk and the rest no more than a bare answer\n"
    printf "         (%.3f ms) plus what Redis and the broker spend on it (%.3f ms) would reach a ratio of %.2f\n",
      bare, servers, bare / (bare + servers) }'
awk -v bn="$(field "$BARE_RESULT" requests)" -v ba="$(field "$BARE_RESULT" api)" \
  -v pn="$(field "$PURCHASE_RESULT" requests)" -v pa="$(field "$PURCHASE_RESULT" api)" 'BEGIN {
    printf "seckill-api CPU per purchase / per bare answer: %.2f (target <= 2)\n", (pa / pn) / (ba / bn) }'
echo "purchases accepted (server's count): $ACCEPTED + $MINIMAL_ACCEPTED minimal = $((ACCEPTED + MINIMAL_ACCEPTED)); Redis: ${CHECK#CHECK } (taken and held must equal it)"
echo "logs: $WORK"
