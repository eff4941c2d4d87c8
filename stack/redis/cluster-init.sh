#!/bin/sh
# Forms the Redis Cluster of stack.cluster.yaml once, and may be run again at any time:
#
#   sh cluster-init.sh host:port ...     (2n nodes, n >= 3: the first n become the masters, and node n+i
#                                         replicates node i, which the stack file places in another zone)
#
# - Every node knows only itself (a new cluster): redis-cli --cluster create, then each replica is
#   pointed at its master by position (redis-cli pairs them its own way).
# - The nodes know each other already (formed before): nothing is created. Each node is introduced to
#   the others' current addresses again (CLUSTER MEET, which updates a known node's address). The
#   cluster bus dials addresses, not names: a node that comes back on a new address finds the others
#   by itself, but when every task got a new address at once (the whole stack restarted) none can
#   reach another until this runs: docker service update --force seckill_redis-cluster-init
# - Some nodes are in a cluster and some are alone (a node came back without its volume, or a
#   create was interrupted): it touches nothing and fails. Join such a node by hand
#   (CLUSTER FORGET of its old id on every node, then redis-cli --cluster add-node ... --cluster-slave).
#
# It then waits until every node reports the cluster ok with all slots served.
set -eu

if [ $# -lt 6 ] || [ $(($# % 2)) -ne 0 ]; then
    echo "usage: $0 host:port ... (an even number of nodes, 6 or more)" >&2
    exit 2
fi
half=$(($# / 2))

cli() {
    cli_node=$1
    shift
    redis-cli -h "${cli_node%:*}" -p "${cli_node##*:}" "$@" | tr -d '\r'
}

# one field of CLUSTER INFO
info() {
    cli "$1" cluster info | sed -n "s/^$2://p"
}

# the node's address now: with endpoint_mode dnsrr its name resolves to its task
address() {
    getent hosts "${1%:*}" | awk '{ print $1; exit }'
}

for node in "$@"; do
    tries=0
    until [ "$(cli "$node" ping 2>/dev/null)" = PONG ]; do
        tries=$((tries + 1))
        if [ "$tries" -ge 90 ]; then
            echo "$node does not answer PING" >&2
            exit 1
        fi
        sleep 2
    done
done

alone=0
for node in "$@"; do
    if [ "$(info "$node" cluster_known_nodes)" = 1 ]; then
        alone=$((alone + 1))
    fi
done

# node n+i replicates node i
pair() {
    k=1
    while [ "$k" -le "$half" ]; do
        eval "master=\${$k}"
        eval "replica=\${$((k + half))}"
        master_id=$(cli "$master" cluster myid)
        current=$(cli "$replica" cluster nodes | awk '$3 ~ /myself/ { print $4 }')
        if [ "$current" != "$master_id" ]; then
            echo "$replica replicates $master"
            answer=$(cli "$replica" cluster replicate "$master_id")
            if [ "$answer" != OK ]; then
                echo "$replica: CLUSTER REPLICATE $master_id answered: $answer" >&2
                exit 1
            fi
        fi
        k=$((k + 1))
    done
}

paired() {
    k=1
    while [ "$k" -le "$half" ]; do
        eval "master=\${$k}"
        eval "replica=\${$((k + half))}"
        if [ "$(cli "$replica" cluster nodes | awk '$3 ~ /myself/ { print $4 }')" != "$(cli "$master" cluster myid)" ]; then
            return 1
        fi
        k=$((k + 1))
    done
}

if [ "$alone" -eq $# ]; then
    echo "forming a new Redis Cluster: $*"
    redis-cli --cluster create "$@" --cluster-replicas 1 --cluster-yes
    pair "$@"
    created=yes
elif [ "$alone" -eq 0 ]; then
    echo "the nodes form a cluster already; introducing each to the others' current addresses"
    for node in "$@"; do
        for other in "$@"; do
            if [ "$other" != "$node" ]; then
                ip=$(address "$other")
                if [ -z "$ip" ]; then
                    echo "${other%:*} does not resolve" >&2
                    exit 1
                fi
                answer=$(cli "$node" cluster meet "$ip" "${other##*:}")
                if [ "$answer" != OK ]; then
                    echo "$node: CLUSTER MEET $ip ${other##*:} answered: $answer" >&2
                    exit 1
                fi
            fi
        done
    done
    created=no
else
    echo "$alone of $# nodes are in no cluster while the others are in one: not touching them" >&2
    exit 1
fi

tries=0
while :; do
    ok=yes
    for node in "$@"; do
        if [ "$(info "$node" cluster_state)" != ok ] || [ "$(info "$node" cluster_slots_assigned)" != 16384 ] \
                || [ "$(info "$node" cluster_known_nodes)" != $# ]; then
            ok=no
        fi
    done
    if [ "$ok" = yes ] && [ "$created" = yes ] && ! paired "$@"; then
        ok=no
    fi
    if [ "$ok" = yes ]; then
        break
    fi
    tries=$((tries + 1))
    if [ "$tries" -ge 60 ]; then
        echo "the Redis Cluster is not ok after 120 s" >&2
        redis-cli --cluster check "$1" >&2 || true
        exit 1
    fi
    sleep 2
done
redis-cli --cluster check "$1" || true
echo "the Redis Cluster is ok"
