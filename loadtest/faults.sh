#!/usr/bin/env bash
# The fault matrix (docs/reliability.md): a stack of its own (MariaDB, Redis with its append-only file,
# Kafka and the Seata TC, all on free ports, the services reaching the stores through TCP proxies), one
# sale per fault under steady buying, the fault injected and healed, the buyers going on until the sale
# sells out, then the judgement: every 202 in one terminal state, MySQL orders == 202s that did not fail,
# no oversell, Redis == MySQL, nothing reserved, I1-I5, sold out.
#
#   loadtest/faults.sh [fault ...] [--runs=N]     all faults by default, each once
#
# Faults: kafka-kill redis-kill tc-kill order-service-kill seckill-api-kill compensation-kill
#         mariadb-stop tc-stop tc-outage mysql-cut redis-cut kafka-cut backlog
# Each prints its figures; the table is written to local-stack/target/fault-matrix.md. Needs only a
# JDK (and the kill command); nothing of the machine's own servers is touched. About 2 minutes a fault.
set -euo pipefail
cd "$(dirname "$0")/.."
faults=()
runs=1
for arg in "$@"; do
  case "$arg" in
    --runs=*) runs="${arg#--runs=}" ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) faults+=("$arg") ;;
  esac
done
list="all"
if ((${#faults[@]})); then
  list="$(IFS=,; echo "${faults[*]}")"
fi
./mvnw -q -B -DskipTests install
exec ./mvnw -B -ntp verify -pl local-stack -Dit.test=FaultMatrixIT -Dtest=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dfaults="$list" -Dfaults.runs="$runs"
