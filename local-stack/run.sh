#!/usr/bin/env bash
# Runs the whole seckill platform on this machine with only a JDK (see local-stack/README.md):
# MariaDB, Redis, Kafka, the Seata TC and the four services, then a demo sale; prints READY.
#
#   local-stack/run.sh           start; a server already on a standard port is reused
#   local-stack/run.sh --fresh   delete the data folder (local-stack/.data or $SECKILL_DATA_DIR) first
#
# Ctrl-C (or SIGTERM) stops everything it started, last-started first.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
classpath_file="$here/target/launcher.classpath"
cd "$repo"

# 1. the service jars and the coordinator jar
for jar in coordinator/target/seckill-coordinator.jar seckill-api/target/seckill-api.jar \
           admin-service/target/admin-service.jar order-service/target/order-service.jar \
           compensation-service/target/compensation-service.jar; do
  if [[ ! -f "$jar" ]]; then
    echo "local-stack: $jar is missing: building the platform (./mvnw install -DskipTests)"
    ./mvnw -q -B install -DskipTests
    break
  fi
done

# 2. the launcher, with its runtime classpath written to a file; rebuilt only when its sources change
build_launcher() {
  ./mvnw -q -B -pl local-stack compile dependency:build-classpath \
    -Dmdep.outputFile="$classpath_file" -DincludeScope=runtime || return 1
  touch "$classpath_file" # the plugin leaves an unchanged file as it was
}
if [[ ! -f "$classpath_file" || ! -f "$here/target/classes/io/github/seckill/stack/LocalStack.class" \
      || -n "$(find "$here/pom.xml" "$here/src/main" -newer "$classpath_file" -print -quit)" ]]; then
  echo "local-stack: building the launcher"
  mkdir -p "$here/target"
  if ! build_launcher >"$here/target/launcher-build.log" 2>&1; then
    # most likely the platform's modules are not in the local Maven repository yet
    echo "local-stack: installing the platform first (./mvnw install -DskipTests)"
    ./mvnw -q -B install -DskipTests
    build_launcher
  fi
fi

# 3. the launcher runs in its own process group: Ctrl-C reaches only this script, which asks the
#    launcher to stop (SIGTERM), and the launcher stops the servers in order. Its exit status is ours.
set -m
"$java" -Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dseckill.repo="$repo" \
  -cp "$here/target/classes:$(cat "$classpath_file")" io.github.seckill.stack.LocalStack "$@" &
launcher=$!
set +m
signalled=""
stop() {
  signalled="$1"
  kill -TERM "$launcher" 2>/dev/null || true
}
trap 'stop 130' INT
trap 'stop 143' TERM
trap 'stop 129' HUP
status=0
wait "$launcher" || status=$?
while kill -0 "$launcher" 2>/dev/null; do # a signal interrupted the wait: the launcher is stopping
  status=0
  wait "$launcher" || status=$?
done
# stopped as asked: the usual status for the signal (130 for Ctrl-C)
if [[ -n "$signalled" && "$status" == 143 ]]; then
  status="$signalled"
fi
exit "$status"
