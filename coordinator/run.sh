#!/usr/bin/env bash
# Starts the Seata transaction coordinator (TC) in the foreground.
#
#   coordinator/run.sh                       # file store, TC on 8091, console on 7091
#   SECKILL_TC_STORE=db coordinator/run.sh   # MySQL/MariaDB store (schema created on start)
#
# Settings (environment):
#   SECKILL_TC_PORT          TC port                                   (8091)
#   SECKILL_TC_HOST          -h argument, see README                   (127.0.0.1)
#   SECKILL_TC_STORE         file | db                                 (file)
#   SECKILL_TC_CONSOLE_PORT  web console port                          (7091)
#   SECKILL_DATA_DIR         working dir; file store and logs below it (<repo>/.local/seata)
#   SECKILL_TC_LOG_DIR       log directory                             ($SECKILL_DATA_DIR/logs)
#   SECKILL_TC_STORE_DIR     file store directory                      ($SECKILL_DATA_DIR/sessionStore)
#   SECKILL_TC_DB_URL / SECKILL_TC_DB_USER / SECKILL_TC_DB_PASSWORD    (db store only)
#   SECKILL_TC_JAVA_OPTS     JVM options added to -Xms128m -Xmx384m
#                            (-XX:TieredStopAtLevel=1 -XX:+UseSerialGC: quicker start, less memory;
#                            setting it replaces them, e.g. "-Dseata.metrics.enabled=false")
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
jar="$here/target/seckill-coordinator.jar"

if [[ ! -f "$jar" ]]; then
  echo "coordinator: $jar not found, building it" >&2
  if [[ -x "$repo/mvnw" ]]; then
    (cd "$repo" && ./mvnw -q -pl coordinator package -DskipTests)
  else
    (cd "$repo" && mvn -q -f coordinator/pom.xml package -DskipTests)
  fi
fi

port="${SECKILL_TC_PORT:-8091}"
host="${SECKILL_TC_HOST:-127.0.0.1}"
store="${SECKILL_TC_STORE:-file}"
data_dir="${SECKILL_DATA_DIR:-$repo/.local/seata}"
log_dir="${SECKILL_TC_LOG_DIR:-$data_dir/logs}"
store_dir="${SECKILL_TC_STORE_DIR:-$data_dir/sessionStore}"

case "$store" in
  file|db) ;;
  *) echo "coordinator: SECKILL_TC_STORE must be 'file' or 'db', not '$store'" >&2; exit 2 ;;
esac

mkdir -p "$data_dir" "$log_dir" "$store_dir"
data_dir="$(cd "$data_dir" && pwd)"
log_dir="$(cd "$log_dir" && pwd)"
store_dir="$(cd "$store_dir" && pwd)"

props=(
  "-Dseata.store.file.dir=$store_dir"
  # seata-server.<port>.{all,warn,error}.log
  "-Dlogging.file.path=$log_dir"
  # the embedded raft/bolt library writes its own logs to <logging.path>/bolt (default ~/logs)
  "-Dlogging.path=$log_dir"
  # the console's embedded Tomcat work dir (default: a new java.io.tmpdir/tomcat.<port>.* per start)
  "-Dserver.tomcat.basedir=$data_dir/tomcat"
)
if [[ "$store" == db ]]; then
  props+=("-Dspring.profiles.active=db")
fi

# Spring settings must be -D system properties: "--key=value" arguments abort the server.
# The working directory is the data dir: relative store paths resolve there, and an optional
# $SECKILL_DATA_DIR/config/application.yml overrides the built-in configuration.
cd "$data_dir"
java_opts="${SECKILL_TC_JAVA_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
# shellcheck disable=SC2086
exec java -Xms128m -Xmx384m $java_opts "${props[@]}" \
  -jar "$jar" -h "$host" -p "$port" -m "$store"
