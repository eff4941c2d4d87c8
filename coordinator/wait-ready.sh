#!/usr/bin/env bash
# Waits until the transaction coordinator accepts TCP connections.
#   coordinator/wait-ready.sh HOST PORT [TIMEOUT_SECONDS]   (default timeout 30 s)
# Exit status: 0 when ready, 1 on timeout, 2 on bad usage.
set -uo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
  echo "usage: $0 HOST PORT [TIMEOUT_SECONDS]" >&2
  exit 2
fi
host="$1"
port="$2"
timeout_s="${3:-30}"
if ! [[ "$port" =~ ^[0-9]+$ && "$timeout_s" =~ ^[0-9]+$ ]]; then
  echo "usage: $0 HOST PORT [TIMEOUT_SECONDS]  (PORT and TIMEOUT_SECONDS are numbers)" >&2
  exit 2
fi

deadline=$((SECONDS + timeout_s))
while :; do
  # the subshell owns the descriptor, so nothing stays open after the probe
  if timeout 2 bash -c "exec 3<>/dev/tcp/$host/$port" 2>/dev/null; then
    echo "coordinator is accepting connections on $host:$port"
    exit 0
  fi
  if (( SECONDS >= deadline )); then
    echo "coordinator not ready: nothing accepted TCP connections on $host:$port within ${timeout_s}s" >&2
    exit 1
  fi
  sleep 0.5
done
