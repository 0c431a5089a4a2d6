#!/usr/bin/env bash
# scripts/elasticsearch.sh - run a private single-node Elasticsearch for local development and tests.
#
# Usage: scripts/elasticsearch.sh start|stop|status|url
#        scripts/elasticsearch.sh cluster start|stop|status|url [N]
#
#   start   Fetch the Elasticsearch "integ-test-zip" distribution from Maven
#           Central (first run only, ~100 MB via `mvn dependency:get`), unpack it
#           into $ES_HOME_DIR, write its config (security off, single node,
#           127.0.0.1:$ES_PORT), start it as the unprivileged system user
#           `campaign-es` (Elasticsearch refuses to run as root) and wait until
#           the cluster is at least yellow. If something already answers
#           /_cluster/health on the port, it just reports that. Safe to re-run.
#   stop    Stop the node started by this script (SIGTERM, bounded wait, then SIGKILL).
#   status  Print the cluster health JSON, or "not running" (exit 1).
#   url     Print the URL only, e.g.
#             export ELASTICSEARCH_URL="$(scripts/elasticsearch.sh url)"
#
#   cluster start   A real three-node cluster on loopback (three processes, one
#                   cluster name, discovery by seed hosts, so an index with
#                   auto_expand_replicas 0-1 gets one replica): same download,
#                   unpacked once into $ES_CLUSTER_HOME_DIR, one config, data,
#                   logs and pid folder per node there. Waits for green with
#                   all three nodes; prints the nodes' URLs, comma-separated
#                   (what ELASTICSEARCH_URL takes).
#   cluster stop    Stop the three nodes (each as `stop` does).
#   cluster status  Health JSON from the first node that answers, each node's
#                   state on stderr; exit 1 when none answers.
#   cluster url     The nodes' URLs, comma-separated.
#   ... N           start/stop/status of node N (1-3) only: the tests stop one
#                   node under load and start it again.
#
# Environment:
#   ES_VERSION         Elasticsearch version (default 8.19.3)
#   ES_HOME_DIR        folder owned by this script (default /var/tmp/campaign-intranet-es);
#                      holds elasticsearch-$ES_VERSION/, data-$ES_VERSION/, logs/, run/
#   ES_PORT            HTTP port on 127.0.0.1 (default 29200)
#   ES_TRANSPORT_PORT  transport port on 127.0.0.1 (default 29300)
#   ES_HEAP            JVM heap, used for -Xms and -Xmx (default 512m)
#   ES_USER            OS user the node runs as when invoked as root (default campaign-es)
#   MAVEN_REPO_LOCAL   Maven local repository used for the download (default ~/.m2/repository)
#   ES_CLUSTER_HOME_DIR        the cluster's folder (default /var/tmp/campaign-intranet-es-cluster)
#   ES_CLUSTER_PORT            node 1's HTTP port; node N uses ES_CLUSTER_PORT + N - 1 (default 29210)
#   ES_CLUSTER_TRANSPORT_PORT  node 1's transport port, likewise (default 29310)
#   ES_CLUSTER_HEAP            each node's heap (default 512m: three nodes in about 2.3 GB)
#
# Exit codes:
#   0  ok
#   1  failure, or (status) not running
#   2  bad usage
#   3  a prerequisite is missing (java, mvn, unzip or curl): callers can use this
#      to skip Elasticsearch tests with a reason
set -euo pipefail

ES_VERSION="${ES_VERSION:-8.19.3}"
ES_HOME_DIR="${ES_HOME_DIR:-/var/tmp/campaign-intranet-es}"
# Default ports lie below Linux's ephemeral range (32768-60999): a port in it may be taken, at the
# moment a node binds, as the local end of one of the tests' own connections (seen in CI).
ES_PORT="${ES_PORT:-29200}"
ES_TRANSPORT_PORT="${ES_TRANSPORT_PORT:-29300}"
ES_HEAP="${ES_HEAP:-512m}"
ES_USER="${ES_USER:-campaign-es}"
MAVEN_REPO_LOCAL="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
ES_CLUSTER_HOME_DIR="${ES_CLUSTER_HOME_DIR:-/var/tmp/campaign-intranet-es-cluster}"
ES_CLUSTER_PORT="${ES_CLUSTER_PORT:-29210}"
ES_CLUSTER_TRANSPORT_PORT="${ES_CLUSTER_TRANSPORT_PORT:-29310}"
ES_CLUSTER_HEAP="${ES_CLUSTER_HEAP:-512m}"
CLUSTER_SIZE=3
# The cluster unpacks its own copy: the single node rewrites its distribution's config.
if [[ "${1:-}" == cluster ]]; then
    ES_HOME_DIR="$ES_CLUSTER_HOME_DIR"
fi

ES_HOST=127.0.0.1
ES_URL="http://${ES_HOST}:${ES_PORT}"
ES_DIR="$ES_HOME_DIR/elasticsearch-$ES_VERSION"
DATA_DIR="$ES_HOME_DIR/data-$ES_VERSION"
LOG_DIR="$ES_HOME_DIR/logs"
RUN_DIR="$ES_HOME_DIR/run"
TMP_DIR="$ES_HOME_DIR/tmp"
PIDFILE="$RUN_DIR/elasticsearch.pid"
ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ES_VERSION}:zip"
ZIP="$MAVEN_REPO_LOCAL/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$ES_VERSION/elasticsearch-$ES_VERSION.zip"

log() { echo "[elasticsearch.sh] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
missing() { log "MISSING PREREQUISITE: $*"; exit 3; }

usage() {
    echo "Usage: $0 start|stop|status|url" >&2
    echo "       $0 cluster start|stop|status|url [N]" >&2
    exit 2
}

# Print health JSON if an Elasticsearch node answers on the port; fail otherwise.
health() {
    local wait="${1:-}"
    local q=""
    [[ -n "$wait" ]] && q="?wait_for_status=yellow&timeout=${wait}"
    curl -sf --max-time "$(( ${wait%s} + 10 ))" "$ES_URL/_cluster/health$q" 2>/dev/null
}

port_in_use() {
    (exec 3<>"/dev/tcp/$ES_HOST/$ES_PORT") 2>/dev/null
}

# PID of the node started by this script (its pid file: $1, default $PIDFILE), if it is alive.
running_pid() {
    local pidfile="${1:-$PIDFILE}"
    [[ -f "$pidfile" ]] || return 1
    local pid
    pid="$(tr -dc '0-9' <"$pidfile")"
    [[ -n "$pid" ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    grep -qa 'org.elasticsearch' "/proc/$pid/cmdline" 2>/dev/null || return 1
    echo "$pid"
}

# Run a command as the Elasticsearch user (or as ourselves when not root).
as_es() {
    if [[ "$EUID" -eq 0 ]]; then
        runuser -u "$ES_USER" -- "$@"
    else
        "$@"
    fi
}

# curl and unzip from Debian's packages when they are missing and we may
# install (root with apt-get, as scripts/chromium.sh does); java and mvn are
# the machine's own.
apt_install() {
    [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1 || return 0
    local wanted=() tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null 2>&1 || wanted+=("$tool")
    done
    [[ ${#wanted[@]} -eq 0 ]] && return 0
    log "Installing ${wanted[*]} from Debian's packages"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${wanted[@]}"; } >&2 || true
}

check_prereqs() {
    apt_install curl unzip
    command -v curl >/dev/null 2>&1 || missing "curl is not installed (apt-get install -y curl)"
    command -v java >/dev/null 2>&1 || missing "java is not installed (apt-get install -y default-jre-headless); Elasticsearch needs a JDK 17+"
    if [[ ! -x "$ES_DIR/bin/elasticsearch" ]]; then
        command -v unzip >/dev/null 2>&1 || missing "unzip is not installed (apt-get install -y unzip)"
        if [[ ! -f "$ZIP" ]]; then
            command -v mvn >/dev/null 2>&1 || missing "mvn is not installed (apt-get install -y maven); it is used to fetch Elasticsearch $ES_VERSION from Maven Central"
        fi
    fi
}

fetch_and_unpack() {
    if [[ -x "$ES_DIR/bin/elasticsearch" ]]; then
        log "Reusing unpacked Elasticsearch $ES_VERSION in $ES_DIR"
        return 0
    fi
    if [[ ! -f "$ZIP" ]]; then
        log "Fetching $ARTIFACT from Maven Central (about 100 MB, first run only)..."
        # mvn's output goes to stderr so that stdout stays just the URL.
        mvn -q -B -Dstyle.color=never dependency:get -Dartifact="$ARTIFACT" -Dtransitive=false \
            -Dmaven.repo.local="$MAVEN_REPO_LOCAL" >&2 \
            || die "mvn could not fetch $ARTIFACT (network? version?)"
        [[ -f "$ZIP" ]] || die "mvn finished but $ZIP is missing"
    else
        log "Using cached $ZIP"
    fi
    log "Unpacking into $ES_DIR..."
    local tmp="$ES_HOME_DIR/.unpack.$$"
    rm -rf "$tmp"
    mkdir -p "$tmp"
    unzip -q "$ZIP" -d "$tmp"
    [[ -x "$tmp/elasticsearch-$ES_VERSION/bin/elasticsearch" ]] || { rm -rf "$tmp"; die "unexpected zip layout in $ZIP"; }
    rm -rf "$ES_DIR"
    mv "$tmp/elasticsearch-$ES_VERSION" "$ES_DIR"
    rm -rf "$tmp"
}

# Unknown settings make Elasticsearch refuse to start, so x-pack options are set
# only when the corresponding module ships in this distribution.
xpack_settings() {
    if [[ -d "$ES_DIR/modules/x-pack-security" ]]; then
        echo "xpack.security.enabled: false"
    fi
    if [[ -d "$ES_DIR/modules/x-pack-ml" ]]; then
        echo "xpack.ml.enabled: false"
    fi
}

write_config() {
    local cfg="$ES_DIR/config/elasticsearch.yml"
    {
        echo "# Written by scripts/elasticsearch.sh - overwritten on every start."
        echo "cluster.name: campaign-intranet-dev"
        echo "node.name: campaign-intranet-dev-1"
        echo "discovery.type: single-node"
        echo "network.host: $ES_HOST"
        echo "http.port: $ES_PORT"
        echo "transport.port: $ES_TRANSPORT_PORT"
        echo "path.data: $DATA_DIR"
        echo "path.logs: $LOG_DIR"
        echo "cluster.routing.allocation.disk.threshold_enabled: false"
        xpack_settings
    } >"$cfg"
}

prepare_dirs() {
    mkdir -p "$ES_HOME_DIR" "$DATA_DIR" "$LOG_DIR" "$RUN_DIR" "$TMP_DIR"
    if [[ "$EUID" -eq 0 ]]; then
        if ! id "$ES_USER" >/dev/null 2>&1; then
            log "Creating unprivileged system user $ES_USER (Elasticsearch refuses to run as root)..."
            useradd -r -M -s /usr/sbin/nologin "$ES_USER"
        fi
        chmod 755 "$ES_HOME_DIR"
        chown -R "$ES_USER:" "$ES_DIR" "$DATA_DIR" "$LOG_DIR" "$RUN_DIR" "$TMP_DIR"
    fi
}

java_home() {
    dirname "$(dirname "$(readlink -f "$(command -v java)")")"
}

# Start one node in the background (-d returns once it is up): its config
# folder, pid file, temp folder, heap and log folder (startup.out there).
launch() {
    local conf="$1" pidfile="$2" tmp="$3" heap="$4" logs="$5" started=0
    (
        cd "$ES_DIR"
        as_es env -u JAVA_HOME \
            ES_JAVA_HOME="$(java_home)" \
            ES_JAVA_OPTS="-Xms$heap -Xmx$heap" \
            ES_TMPDIR="$tmp" \
            ES_PATH_CONF="$conf" \
            bin/elasticsearch -d -p "$pidfile"
    ) >"$logs/startup.out" 2>&1 || started=$?
    if [[ "$started" -ne 0 ]]; then
        log "bin/elasticsearch -d failed (exit $started, config $conf). Output:"
        tail -n 40 "$logs/startup.out" >&2 || true
        return 1
    fi
}

cmd_start() {
    local pid json
    if pid="$(running_pid)"; then
        if json="$(health 60s)"; then
            log "Elasticsearch already running (pid $pid) at $ES_URL: $json"
            echo "$ES_URL"
            return 0
        fi
        die "Elasticsearch process $pid is running but $ES_URL does not answer health; see $LOG_DIR or run '$0 stop'"
    fi
    if json="$(health)"; then
        log "Something already answers $ES_URL/_cluster/health (not started by this script); treating it as running: $json"
        echo "$ES_URL"
        return 0
    fi
    if port_in_use; then
        die "port $ES_PORT on $ES_HOST is in use by something that is not Elasticsearch; set ES_PORT"
    fi

    check_prereqs
    mkdir -p "$ES_HOME_DIR"
    fetch_and_unpack
    write_config
    prepare_dirs

    rm -f "$PIDFILE"
    log "Starting Elasticsearch $ES_VERSION on $ES_URL (heap $ES_HEAP, logs $LOG_DIR)..."
    launch "$ES_DIR/config" "$PIDFILE" "$TMP_DIR" "$ES_HEAP" "$LOG_DIR" || exit 1
    pid="$(running_pid)" || { tail -n 40 "$LOG_DIR/startup.out" >&2 || true; die "Elasticsearch exited right after starting; see $LOG_DIR"; }

    log "Node is up (pid $pid); waiting for cluster health yellow..."
    if ! json="$(health 60s)"; then
        die "cluster did not become healthy within 60 s; see $LOG_DIR"
    fi
    if [[ "$json" == *'"timed_out":true'* ]]; then
        die "cluster did not reach yellow within 60 s: $json"
    fi
    log "Elasticsearch is ready: $json"
    echo "$ES_URL"
}

cmd_stop() {
    local pid
    if ! pid="$(running_pid)"; then
        if health >/dev/null; then
            log "An Elasticsearch not started by this script answers on $ES_URL; leaving it alone"
        else
            log "Elasticsearch is not running"
        fi
        rm -f "$PIDFILE"
        return 0
    fi
    log "Stopping Elasticsearch (pid $pid)..."
    stop_pid "$pid"
    rm -f "$PIDFILE"
    log "Stopped"
}

# SIGTERM (a clean shutdown), a bounded wait, then SIGKILL.
stop_pid() {
    local pid="$1" i
    kill "$pid"
    for i in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 1
    done
    log "pid $pid still running after 60 s; sending SIGKILL"
    kill -9 "$pid" 2>/dev/null || true
    sleep 1
}

cmd_status() {
    local json
    if json="$(health)"; then
        echo "$json"
        return 0
    fi
    echo "not running"
    return 1
}

# -- the three-node cluster ---------------------------------------------------

node_home() { echo "$ES_HOME_DIR/node-$1"; }
node_pidfile() { echo "$(node_home "$1")/run/elasticsearch.pid"; }
node_url() { echo "http://$ES_HOST:$((ES_CLUSTER_PORT + $1 - 1))"; }

cluster_urls() {
    local n urls=()
    for n in $(seq 1 "$CLUSTER_SIZE"); do urls+=("$(node_url "$n")"); done
    (IFS=,; echo "${urls[*]}")
}

# Health JSON from the first node that answers; $1: extra query (wait_for_...).
cluster_health() {
    local query="${1:-}" n
    for n in $(seq 1 "$CLUSTER_SIZE"); do
        curl -sf --max-time 130 "$(node_url "$n")/_cluster/health${query}" 2>/dev/null && return 0
    done
    return 1
}

write_node_config() {
    local n="$1" home seeds="" masters="" i
    home="$(node_home "$n")"
    mkdir -p "$home/config" "$home/data-$ES_VERSION" "$home/logs" "$home/run" "$home/tmp"
    # jvm.options, log4j2.properties, ...: the distribution's, once.
    [[ -f "$home/config/jvm.options" ]] || cp -r "$ES_DIR/config/." "$home/config/"
    for i in $(seq 1 "$CLUSTER_SIZE"); do
        seeds+="${seeds:+, }\"$ES_HOST:$((ES_CLUSTER_TRANSPORT_PORT + i - 1))\""
        masters+="${masters:+, }\"campaign-intranet-node-$i\""
    done
    {
        echo "# Written by scripts/elasticsearch.sh cluster - overwritten on every start."
        echo "cluster.name: campaign-intranet-cluster"
        echo "node.name: campaign-intranet-node-$n"
        echo "network.host: $ES_HOST"
        echo "http.port: $((ES_CLUSTER_PORT + n - 1))"
        echo "transport.port: $((ES_CLUSTER_TRANSPORT_PORT + n - 1))"
        echo "discovery.seed_hosts: [$seeds]"
        # Only to bootstrap a new cluster: a node that has joined once must not carry it.
        if [[ -z "$(ls -A "$home/data-$ES_VERSION")" ]]; then
            echo "cluster.initial_master_nodes: [$masters]"
        fi
        echo "path.data: $home/data-$ES_VERSION"
        echo "path.logs: $home/logs"
        echo "cluster.routing.allocation.disk.threshold_enabled: false"
        xpack_settings
    } >"$home/config/elasticsearch.yml"
    if [[ "$EUID" -eq 0 ]]; then
        chown -R "$ES_USER:" "$home"
    fi
}

# The nodes named ($1: "1 2 3" or one number).
cluster_nodes() {
    if [[ -z "${1:-}" ]]; then
        seq 1 "$CLUSTER_SIZE"
    elif [[ "$1" =~ ^[1-9]$ && "$1" -le "$CLUSTER_SIZE" ]]; then
        echo "$1"
    else
        usage
    fi
}

cmd_cluster_start() {
    local nodes n pid json failed=0 launched=()
    nodes="$(cluster_nodes "${1:-}")"
    check_prereqs
    mkdir -p "$ES_HOME_DIR"
    fetch_and_unpack
    # prepare_dirs: the user, and the distribution owned by it.
    prepare_dirs
    for n in $nodes; do
        if pid="$(running_pid "$(node_pidfile "$n")")"; then
            log "node $n already running (pid $pid) at $(node_url "$n")"
            continue
        fi
        if (exec 3<>"/dev/tcp/$ES_HOST/$((ES_CLUSTER_PORT + n - 1))") 2>/dev/null; then
            die "port $((ES_CLUSTER_PORT + n - 1)) is in use by something this script did not start; set ES_CLUSTER_PORT"
        fi
        write_node_config "$n"
        rm -f "$(node_pidfile "$n")"
        launched+=("$n")
    done
    # All at once: a node's start waits for the cluster to elect a master,
    # which needs two of the three.
    if [[ ${#launched[@]} -gt 0 ]]; then
        log "Starting node(s) ${launched[*]} of the cluster (heap $ES_CLUSTER_HEAP each, logs in $ES_HOME_DIR/node-N/logs)..."
        local waits=()
        for n in "${launched[@]}"; do
            local home
            home="$(node_home "$n")"
            launch "$home/config" "$home/run/elasticsearch.pid" "$home/tmp" "$ES_CLUSTER_HEAP" "$home/logs" &
            waits+=($!)
        done
        for pid in "${waits[@]}"; do
            wait "$pid" || failed=1
        done
        [[ "$failed" -eq 0 ]] || die "a node of the cluster did not start; see $ES_HOME_DIR/node-N/logs"
    fi
    log "Waiting for the cluster: $CLUSTER_SIZE nodes, green..."
    json="$(cluster_health "?wait_for_status=green&wait_for_nodes=$CLUSTER_SIZE&timeout=120s")" \
        || die "no node of the cluster answers; see $ES_HOME_DIR/node-N/logs"
    if [[ "$json" == *'"timed_out":true'* ]]; then
        die "the cluster did not reach green with $CLUSTER_SIZE nodes within 120 s: $json"
    fi
    log "Cluster is ready: $json"
    cluster_urls
}

cmd_cluster_stop() {
    local nodes n pid pids=()
    nodes="$(cluster_nodes "${1:-}")"
    for n in $nodes; do
        if pid="$(running_pid "$(node_pidfile "$n")")"; then
            log "Stopping node $n (pid $pid)..."
            stop_pid "$pid" &
            pids+=($!)
        fi
    done
    for pid in "${pids[@]}"; do wait "$pid" || true; done
    for n in $nodes; do rm -f "$(node_pidfile "$n")"; done
    log "Stopped"
}

cmd_cluster_status() {
    local nodes n pid
    nodes="$(cluster_nodes "${1:-}")"
    for n in $nodes; do
        if pid="$(running_pid "$(node_pidfile "$n")")"; then
            log "node $n: running (pid $pid) at $(node_url "$n")"
        else
            log "node $n: not running"
        fi
    done
    if [[ -n "${1:-}" ]]; then
        running_pid "$(node_pidfile "$1")" >/dev/null || { echo "not running"; return 1; }
    fi
    cluster_health || { echo "not running"; return 1; }
    echo
}

if [[ "${1:-}" == cluster ]]; then
    [[ $# -eq 2 || $# -eq 3 ]] || usage
    case "$2" in
        start | stop | status) "cmd_cluster_$2" "${3:-}" ;;
        url) cluster_urls ;;
        *) usage ;;
    esac
    exit 0
fi

[[ $# -eq 1 ]] || usage
case "$1" in
    start | stop | status) "cmd_$1" ;;
    url) echo "$ES_URL" ;;
    *) usage ;;
esac
