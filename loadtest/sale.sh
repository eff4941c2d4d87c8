#!/usr/bin/env bash
# A flash sale under load (Gatling), then the invariant check. One command per scenario:
#
#   loadtest/sale.sh a     50,000 buyers on stock 10,000, arriving at 1,000/s
#   loadtest/sale.sh b     10,000 buyers on stock 100, 20% of them clicking 3 times, at 1,000/s
#   loadtest/sale.sh c     soak: 100 purchases/s for 10 minutes by 300 shoppers, stock for all
#
# Options (after the scenario):
#   --start-stack          start ./local-stack/run.sh first and stop it at the end
#   -Dsale.NAME=VALUE      override a setting, e.g. -Dsale.buyers=5000 -Dsale.rate=0 (all at once);
#                          see loadtest/README.md for the list
# Runs against the platform on the standard ports (local-stack/run.sh) unless -Dsale.api=... etc. say
# otherwise. Exits 0 only when the run completed, the pipeline went quiet and I1-I5 hold.
# SKIP_BUILD=1 reuses the last build.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
case "${1:-}" in
  a) preset=(-Dsale.buyers=50000 -Dsale.stock=10000 -Dsale.rate=1000 -Dsale.tokens=signed -Dsale.warm-up=10000) ;;
  b) preset=(-Dsale.buyers=10000 -Dsale.stock=100 -Dsale.rate=1000 -Dsale.repeat-share=0.2 -Dsale.tokens=signed
     -Dsale.warm-up=10000) ;;
  c) preset=(-Dsale.buyers=60000 -Dsale.shoppers=300 -Dsale.stock=60000 -Dsale.limit-per-user=200 -Dsale.rate=100
             -Dsale.read-rate=10 -Dsale.tokens=api) ;;
  *) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
shift
start_stack=""
settings=()
for arg in "$@"; do
  case "$arg" in
    --start-stack) start_stack=1 ;;
    -D*) settings+=("$arg") ;;
    *) echo "unknown option: $arg"; exit 2 ;;
  esac
done

CP_FILE="$ROOT/loadtest/target/runtime.classpath"
if [ -n "$start_stack" ]; then
  # nothing runs from the service jars yet: build them, the harness and local-stack's launcher, each
  # module's runtime classpath written into its own target/ (run.sh reads local-stack's)
  echo "== building the platform, local-stack and the harness"
  (cd "$ROOT" && ./mvnw -q -B -pl loadtest,local-stack -am -DskipTests package dependency:build-classpath \
    -DincludeScope=runtime -Dmdep.outputFile=target/runtime.classpath)
  cp "$ROOT/local-stack/target/runtime.classpath" "$ROOT/local-stack/target/launcher.classpath"
elif [ -z "${SKIP_BUILD:-}" ] || [ ! -f "$CP_FILE" ]; then
  # the harness alone: rebuilding the service jars would pull them from under a running platform
  echo "== building the harness"
  (cd "$ROOT" && ./mvnw -q -B -pl loadtest -am -DskipTests -Dsale.harness-only package \
    dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile=target/runtime.classpath)
fi

STACK_PID=""
stop_stack() {
  if [ -n "$STACK_PID" ]; then
    echo "== stopping local-stack"
    kill -TERM "$STACK_PID" 2>/dev/null || true
    wait "$STACK_PID" 2>/dev/null || true
  fi
}
trap stop_stack EXIT
if [ -n "$start_stack" ]; then
  LOG="$ROOT/loadtest/target/local-stack.out"
  echo "== starting local-stack (output: $LOG)"
  # measured with the server compiler and a real heap, as the services run in production, rather than
  # local-stack's quick-start options (client compiler, 384 MB)
  SECKILL_JVM_OPTIONS=${SECKILL_JVM_OPTIONS:-"-Xms1g -Xmx1g -XX:+UseParallelGC"} \
    "$ROOT/local-stack/run.sh" >"$LOG" 2>&1 &
  STACK_PID=$!
  until grep -q '^READY' "$LOG" 2>/dev/null; do
    kill -0 "$STACK_PID" 2>/dev/null || { tail -20 "$LOG"; echo "local-stack did not start"; exit 1; }
    sleep 2
  done
fi

set +e
# --add-opens: Gatling's stats writer reads String internals (its Maven plugin passes the same)
java -Xms1g -Xmx1g --add-opens=java.base/java.lang=ALL-UNNAMED -cp "$ROOT/loadtest/target/classes:$(cat "$CP_FILE")" \
  -Dsale.results="$ROOT/loadtest/target/gatling" "${preset[@]}" "${settings[@]}" \
  io.github.seckill.loadtest.sale.SaleRun
status=$?
exit $status
