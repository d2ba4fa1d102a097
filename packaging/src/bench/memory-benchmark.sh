#!/usr/bin/env bash
# The station's own memory while it drains an outcome backlog: the tagbase emulator runs in a process of
# its own (simulator.jar platform), the station's benchmark in another under the launcher's JVM options
# (packaging/src/deb/root/usr/share/tagline/jvm.options, as /usr/bin/tagline-station runs it), so the
# RSS reported is the station's alone. Goal (issue 15): peak RSS <= 160 MB for a 100,000-outcome backlog.
#   packaging/src/bench/memory-benchmark.sh [BACKLOG] [extra benchmark sync options, e.g. --json]
set -euo pipefail
cd "$(dirname "$0")/../../.."
backlog=${1:-100000}
shift || true
work=$(mktemp -d)
trap 'kill "$platform_pid" 2>/dev/null; rm -rf "$work"' EXIT
(umask 077 && head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$work/bench.token")
java -jar simulator/target/simulator.jar platform --port 0 --api-key-file "$work/bench.token" \
    --seed-tags "$backlog" --protocol ntag_424_dna < /dev/null > "$work/platform.out" &
platform_pid=$!
for ((i = 0; i < 600; i++)); do [ -s "$work/platform.out" ] && break; sleep 0.1; done
url=$(head -1 "$work/platform.out")
# The launcher's environment and options; BENCH_JAVA_OPTS adds options to try (a later one wins).
MALLOC_ARENA_MAX=2 java @packaging/src/deb/root/usr/share/tagline/jvm.options ${BENCH_JAVA_OPTS:-} \
    -jar station/target/station.jar \
    benchmark sync --backlog "$backlog" --platform "$url" --api-key-file "$work/bench.token" "$@"
