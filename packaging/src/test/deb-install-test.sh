#!/usr/bin/env bash
# Installs the built tagline-station package on this machine (root, dpkg; no systemd needed), runs
# "tagline-station doctor" against the simulators (PN532 emulator on a pty, tagbase emulator on
# loopback) until every check passes, runs the station itself as the service user through the
# launcher with a notification socket and its operator console, breaks one thing at a time and expects
# the named failure, checks the doctor on an ixkio platform (its emulator on loopback), then removes and
# purges the package and checks what is left. Run it after "mvn -B verify" (.ci/run
# does, with CI=true). It changes the system: it refuses to run without CI=true or TAGLINE_DEB_TEST=1,
# and, outside CI, when tagline-station is already installed.
set -uo pipefail
cd "$(dirname "$0")/../../.."

if [ "${CI:-}" != true ] && [ "${TAGLINE_DEB_TEST:-}" != 1 ]; then
    echo "deb-install-test: installs and purges a system package; set CI=true or TAGLINE_DEB_TEST=1" >&2
    exit 2
fi
if [ "$(id -u)" != 0 ]; then
    echo "deb-install-test: needs root (dpkg -i)" >&2
    exit 2
fi
if dpkg-query -W -f '${Status}' tagline-station 2>/dev/null | grep -q installed; then
    if [ "${CI:-}" != true ]; then
        echo "deb-install-test: tagline-station is installed already; this test would purge it" >&2
        exit 2
    fi
    echo "deb-install-test: purging a tagline-station left by an earlier run"
    dpkg --purge tagline-station >/dev/null
    rm -rf /etc/tagline
fi

deb=$(ls packaging/target/tagline-station_*_all.deb 2>/dev/null | head -1)
if [ -z "$deb" ] || [ ! -f simulator/target/simulator.jar ]; then
    echo "deb-install-test: build first (mvn -B verify): no package or no simulator.jar" >&2
    exit 2
fi
sim=$(pwd)/simulator/target/simulator.jar
keys_example=$(pwd)/configs/keys.example.yaml
work=$(mktemp -d /tmp/tagline-deb-test.XXXXXX)
chmod 0755 "$work"   # the service user reaches the pty link and the notification socket in here
passed=0
failed=0
pids=()

pass() { passed=$((passed + 1)); echo "ok:   $*"; }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() { # check DESCRIPTION COMMAND...
    local what=$1
    shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}

cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    wait 2>/dev/null
    if dpkg-query -W -f '${Status}' tagline-station 2>/dev/null | grep -q installed; then
        dpkg --purge tagline-station >/dev/null 2>&1
    fi
    rm -rf /etc/tagline "$work"
}
trap cleanup EXIT
trap "exit 130" INT TERM

# Waits up to $2 seconds for file $1 to have a first line; prints it.
first_line() {
    local i
    for ((i = 0; i < $2 * 10; i++)); do
        if [ -s "$1" ]; then head -1 "$1"; return 0; fi
        sleep 0.1
    done
    return 1
}

doctor() { # doctor OUTFILE: runs the installed doctor, keeps its report, returns its exit code
    local start end rc
    start=$(date +%s%N)
    tagline-station doctor --config /etc/tagline/station.yaml > "$1" 2>&1
    rc=$?
    end=$(date +%s%N)
    echo "$(( (end - start) / 1000000 ))" > "$1.ms"
    return $rc
}
# The doctor failed, named check $2 FAILs in report $1, and only the checks in $3 (a regex) fail too.
named_failure() {
    local report=$1 check=$2 also=${3:-^$} others
    grep -q "^FAIL  $check " "$report" || return 1
    others=$(grep '^FAIL' "$report" | awk '{print $2}' | grep -v -x "$check" | grep -v -E "$also")
    [ -z "$others" ]
}
all_pass() { # every line of report $1 is PASS, and there are $2 of them
    [ "$(grep -c '^PASS  ' "$1")" = "$2" ] && [ "$(wc -l < "$1")" = "$2" ]
}
under_10s() { [ "$(cat "$1.ms")" -lt 10000 ]; }

start_pn532() {
    rm -f "$work/pn532.in" "$work/pn532.out"
    mkfifo "$work/pn532.in"
    java -jar "$sim" pn532 --link "$work/pn532" --chip ntag_424_dna:04A1B2C3D4E5F6 \
        < "$work/pn532.in" > "$work/pn532.out" 2> "$work/pn532.err" &
    pn532_pid=$!
    pids+=("$pn532_pid")
    exec 7> "$work/pn532.in"   # held open: the emulator serves until this closes
    first_line "$work/pn532.out" 30 >/dev/null || { cat "$work/pn532.err"; return 1; }
    # A real UART is root:dialout 0660; socat's pty is root's: give it the same ownership.
    chgrp dialout "$(readlink -f "$work/pn532")" && chmod 0660 "$(readlink -f "$work/pn532")"
}
stop_pn532() {
    exec 7>&-
    wait "$pn532_pid" 2>/dev/null
}

echo "== install $deb"
check "dpkg -i installs the package" dpkg -i "$deb"
check "user tagline exists, in group dialout" bash -c 'id -nG tagline | tr " " "\n" | grep -qx dialout'
check "/var/lib/tagline is tagline:tagline 0750" \
    bash -c '[ "$(stat -c "%U:%G %a" /var/lib/tagline)" = "tagline:tagline 750" ]'
check "the JNI libraries of $(dpkg --print-architecture) are in /usr/lib/tagline/native" \
    test -r /usr/lib/tagline/native/libjssc.so -a -r /usr/lib/tagline/native/libsqlitejdbc.so
check "systemd-analyze verify of the installed unit says nothing" \
    bash -c '[ -z "$(systemd-analyze verify /lib/systemd/system/tagline-station.service 2>&1)" ]'

echo "== secrets, simulators, configuration"
install -m 0600 "$keys_example" /etc/tagline/keys.yaml
token="sk_ci_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
(umask 077 && printf '%s\n' "$token" > /etc/tagline/tagbase.token && printf '%s\n' "$token" > "$work/bench.token" \
    && printf 'op_ci_%s\n' "$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')" > /etc/tagline/operator.token)
java -jar "$sim" platform --port 0 --api-key-file "$work/bench.token" --seed-tags 3 --protocol ntag_424_dna \
    --keys /etc/tagline/keys.yaml < /dev/null > "$work/platform.out" 2> "$work/platform.err" &
platform_pid=$!
pids+=("$platform_pid")
url=$(first_line "$work/platform.out" 30) || { cat "$work/platform.err"; exit 1; }
check "the PN532 emulator serves a pty" start_pn532
trust=$(sed -n '/^trust:/,$p' configs/bench.example.yaml)
write_config() { # write_config BASE_URL [KIND TOKEN_FILE]
    cat > /etc/tagline/station.yaml <<EOF
station: ci-1
data_dir: /var/lib/tagline
keys:
  file: /etc/tagline/keys.yaml
platform:
  kind: ${2:-tagbase}
  base_url: $1
  api_key_file: ${3:-/etc/tagline/tagbase.token}
  connect_timeout_ms: 2000
  request_timeout_ms: 3000
encoding:
  protocols: [ntag_424_dna]
  lease_low_water: 1
  lease_high_water: 3
reader:
  link: $work/pn532
line:
  mode: hand-fed
console:
  listen: 127.0.0.1:0
  operator_token_file: /etc/tagline/operator.token
$trust
EOF
}
write_config "$url"

echo "== doctor against the simulators"
doctor "$work/doctor-1.txt"
check "the doctor exits 0" test $? = 0
cat "$work/doctor-1.txt"
check "every check passes (12 lines of PASS)" all_pass "$work/doctor-1.txt" 12
check "the doctor ends within 10 s ($(cat "$work/doctor-1.txt.ms") ms)" under_10s "$work/doctor-1.txt"

echo "== the station as the service user, through the launcher, with a notification socket"
touch "$work/start-marker"
# The notification socket, received like systemd does: perl's recv(2) closes the descriptor that
# systemd-notify's barrier passes, so systemd-notify returns at once.
perl -e 'use Socket; socket(my $s, AF_UNIX, SOCK_DGRAM, 0) or die $!;
    bind($s, pack_sockaddr_un($ARGV[0])) or die $!; chmod(0666, $ARGV[0]); $| = 1;
    while (defined(recv($s, my $b, 65536, 0))) { print "$b\n"; }' "$work/notify.sock" \
    > "$work/notify.out" 2>/dev/null 7>&- &
pids+=($!)
for ((i = 0; i < 50; i++)); do [ -S "$work/notify.sock" ] && break; sleep 0.1; done
mkfifo "$work/station.in"
# As systemd's LoadCredential= would: the secrets copied into a directory only the service user reads.
install -d -o tagline -g tagline -m 0500 "$work/credentials"
install -o tagline -g tagline -m 0400 /etc/tagline/keys.yaml "$work/credentials/keys.yaml"
install -o tagline -g tagline -m 0400 /etc/tagline/tagbase.token "$work/credentials/tagbase.token"
install -o tagline -g tagline -m 0400 /etc/tagline/operator.token "$work/credentials/operator.token"
# The unit's default (SetCredential=ixkio.token:\n) for a secret /etc/tagline does not have: blank, none.
printf '\n' > "$work/credentials/ixkio.token" && chown tagline:tagline "$work/credentials/ixkio.token"
# setpriv execs (runuser would fork and SIGKILL the JVM 2 s after SIGTERM, before its clean shutdown).
setpriv --reuid=tagline --regid=tagline --init-groups \
    env NOTIFY_SOCKET="$work/notify.sock" CREDENTIALS_DIRECTORY="$work/credentials" \
    TAGLINE_LOG_LEVEL=WARN tagline-station run --config /etc/tagline/station.yaml \
    < "$work/station.in" > "$work/station.out" 2>&1 7>&- &
station_pid=$!
pids+=("$station_pid")
exec 8> "$work/station.in"
ready() { grep -q '^READY=1' "$work/notify.out"; }
for ((i = 0; i < 600; i++)); do ready && break; kill -0 "$station_pid" 2>/dev/null || break; sleep 0.1; done
check "the station sent READY=1 once up (secrets from \$CREDENTIALS_DIRECTORY)" ready
configured() {
    curl -s "$url/_emulator/state" | grep -q '"configured":1'
}
for ((i = 0; i < 600; i++)); do configured && break; sleep 0.1; done
check "the station encoded the chip in the field and synced it" configured
console_url=$(sed -n 's/^run: operator console at //p' "$work/station.out" | head -1)
check "the operator console answers /healthz (${console_url:-no URL printed})" \
    bash -c "[ -n '$console_url' ] && curl -sf '${console_url}healthz' | grep -q alive"
kill -TERM "$station_pid"
wait "$station_pid"
rc=$?
exec 8>&-
check "SIGTERM stops it cleanly (exit 143, SuccessExitStatus)" test "$rc" = 143
cat "$work/station.out"
check "the station sent STOPPING=1 at SIGTERM" grep -q '^STOPPING=1' "$work/notify.out"
# Files of the service user only: other builds on a shared CI machine (root's) extract theirs meanwhile.
check "the station extracted no JNI library into /tmp" \
    bash -c "[ -z \"\$(find /tmp -maxdepth 2 -user tagline -newer '$work/start-marker' \\( -name '*sqlitejdbc*' -o -name 'nativelib-loader_*' -o -name '*jssc*' \\) 2>/dev/null)\" ]"
check "station.db belongs to tagline" bash -c '[ "$(stat -c %U /var/lib/tagline/station.db)" = tagline ]'
doctor "$work/doctor-2.txt"
check "the doctor still passes, the store with quick_check ok" \
    bash -c "all_pass() { [ \"\$(grep -c '^PASS  ' \"\$1\")\" = 12 ]; }; all_pass '$work/doctor-2.txt' && grep -q '^PASS  store .*quick_check ok' '$work/doctor-2.txt'"
check "WAL files the doctor (root) opened stay the service's" \
    bash -c '! find /var/lib/tagline -user root | grep -q .'

echo "== one thing broken at a time"
printf 'sk_wrong_token\n' > /etc/tagline/tagbase.token
doctor "$work/token.txt"
check "wrong token: exit 1, FAIL platform (token rejected), nothing else" \
    bash -c "[ $? = 1 ] && grep -q '^FAIL  platform .*rejected the token (401)' '$work/token.txt'"
check "wrong token: only platform fails" named_failure "$work/token.txt" platform
printf '%s\n' "$token" > /etc/tagline/tagbase.token

chmod 0644 /etc/tagline/keys.yaml
doctor "$work/keys.txt"
check "key file 0644: exit 1, FAIL keys (group or others), chmod 600 advised" \
    bash -c "[ $? = 1 ] && grep -q '^FAIL  keys .*0644: readable or writable by group or others; run chmod 600' '$work/keys.txt'"
check "key file 0644: only keys fails" named_failure "$work/keys.txt" keys
chmod 0600 /etc/tagline/keys.yaml

stop_pn532
doctor "$work/port.txt"
check "port missing: exit 1, FAIL serial (does not exist)" \
    bash -c "[ $? = 1 ] && grep -q '^FAIL  serial .*pn532 does not exist' '$work/port.txt'"
check "port missing: serial and the PN532 behind it fail, nothing else" named_failure "$work/port.txt" serial '^pn532$'

kill "$platform_pid"
wait "$platform_pid" 2>/dev/null
doctor "$work/down.txt"
check "platform down (and the PN532 unplugged): exit 1, FAIL platform (refused)" \
    bash -c "[ $? = 1 ] && grep -q '^FAIL  platform .*refused the connection' '$work/down.txt'"
check "platform down: only platform, serial and pn532 fail" named_failure "$work/down.txt" platform '^(serial|pn532)$'
check "everything unplugged: the doctor ends within 10 s ($(cat "$work/down.txt.ms") ms)" under_10s "$work/down.txt"

# A platform that accepts connections and never answers: the doctor's deadlines, not the network's.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo 47811)
socat TCP-LISTEN:"$port",bind=127.0.0.1,reuseaddr,fork SYSTEM:'sleep 30' 7>&- &
pids+=($!)
sleep 0.5
write_config "http://127.0.0.1:$port"
doctor "$work/silent.txt"
check "a platform that never answers: FAIL platform (did not answer) within 10 s ($(cat "$work/silent.txt.ms") ms)" \
    bash -c "grep -q '^FAIL  platform .*did not answer' '$work/silent.txt' && [ \$(cat '$work/silent.txt.ms') -lt 10000 ]"

echo "== the doctor on an ixkio platform"
printf 'xuid,cuid,url\nX1,C1,https://group.example/1\n' > "$work/codes.csv"
(umask 077 && printf 'ixk_ci_%s\n' "$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')" > /etc/tagline/ixkio.token)
java -jar "$sim" ixkio --port 0 --api-key-file /etc/tagline/ixkio.token --codes "$work/codes.csv" \
    < /dev/null > "$work/ixkio.out" 2> "$work/ixkio.err" &
pids+=($!)
ixkio_url=$(first_line "$work/ixkio.out" 30) || { cat "$work/ixkio.err"; exit 1; }
check "the PN532 emulator serves a pty again" start_pn532
write_config "$ixkio_url" ixkio /etc/tagline/ixkio.token
doctor "$work/ixkio-1.txt"
check "ixkio: every check passes, the token accepted by a PATCH of an unknown tag code" \
    bash -c "[ \"\$(grep -c '^PASS  ' '$work/ixkio-1.txt')\" = 12 ] && grep -q '^PASS  platform  *ixkio at .*token accepted.*Tag Code not found' '$work/ixkio-1.txt'"
cp -p /etc/tagline/ixkio.token "$work/ixkio.token.good"
printf 'ixk_wrong_token\n' > /etc/tagline/ixkio.token
doctor "$work/ixkio-token.txt"
check "ixkio, wrong token: exit 1, FAIL platform (401 Invalid API Key), nothing else" \
    bash -c "[ $? = 1 ] && grep -q '^FAIL  platform  *ixkio at .*rejected the token (401 \"Invalid API Key\")' '$work/ixkio-token.txt'"
check "ixkio, wrong token: only platform fails" named_failure "$work/ixkio-token.txt" platform
cp -p "$work/ixkio.token.good" /etc/tagline/ixkio.token
stop_pn532
for f in token keys port down silent ixkio-1 ixkio-token; do echo "-- $f"; cat "$work/$f.txt"; done

echo "== remove, then purge"
check "dpkg -r removes the package" dpkg -r tagline-station
check "after remove: user tagline, the store and the conffile stay" \
    bash -c 'id tagline >/dev/null && [ -f /var/lib/tagline/station.db ] && [ -f /etc/tagline/station.yaml ]'
check "after remove: launcher, jar, unit and JNI libraries are gone" \
    bash -c '[ ! -e /usr/bin/tagline-station ] && [ ! -e /usr/share/tagline ] && [ ! -e /lib/systemd/system/tagline-station.service ] && [ ! -e /usr/lib/tagline ]'
dpkg --purge tagline-station > "$work/purge.out" 2>&1
check "dpkg --purge purges the package" test $? = 0
cat "$work/purge.out"
check "after purge: no user or group tagline" bash -c '! getent passwd tagline && ! getent group tagline'
check "after purge: /var/lib/tagline and station.yaml are gone" \
    bash -c '[ ! -e /var/lib/tagline ] && [ ! -e /etc/tagline/station.yaml ]'
check "after purge: /etc/tagline keeps only the secrets put there by hand, and purge said so" \
    bash -c '[ "$(ls -A /etc/tagline | tr "\n" " ")" = "ixkio.token keys.yaml operator.token tagbase.token " ] && grep -q "/etc/tagline kept" '"$work/purge.out"
check "dpkg no longer knows the package" bash -c '! dpkg-query -W tagline-station 2>/dev/null | grep -q .'

echo "deb-install-test: $passed passed, $failed failed"
[ "$failed" = 0 ]
