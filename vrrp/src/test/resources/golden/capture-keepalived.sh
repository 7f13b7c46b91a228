#!/bin/bash
# Captures VRRP adverts sent by the real keepalived (2.2.7 from Debian) and stores them as golden
# files for KeepalivedGoldenTest: the VRRP payload in hex plus the IP source, destination and TTL.
#
# Needs root, iproute2, tcpdump and keepalived. For each configuration below it creates two
# network namespaces joined by a veth pair (names with a per-run prefix; stale ones from earlier
# runs are removed first), starts keepalived in the first, captures its adverts with tcpdump in
# the second, stops that keepalived by its pid file and deletes the namespaces (also on failure).
#
# Usage: sudo ./capture-keepalived.sh [OUTPUT_DIR]   (default: the directory of this script)
set -euo pipefail

OUT=$(cd "${1:-$(dirname "$0")}" && pwd)
STALE_PREFIX=vgk
P="${STALE_PREFIX}$$"
NS_K="${P}k"          # keepalived's namespace
NS_C="${P}c"          # the capturing peer
IF_K="${P}k0"
IF_C="${P}c0"
WORK=$(mktemp -d /tmp/vigil-golden.XXXXXX)
KA_PID=""

[ "$(id -u)" = 0 ] || { echo "capture-keepalived.sh: needs root" >&2; exit 1; }
for tool in ip tcpdump keepalived; do
    command -v "$tool" >/dev/null || { echo "capture-keepalived.sh: $tool is not installed" >&2; exit 1; }
done

stop_keepalived() {
    local pid=""
    [ -s "$WORK/keepalived.pid" ] && pid=$(cat "$WORK/keepalived.pid")
    [ -z "$pid" ] && pid="$KA_PID"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid"
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    fi
    [ -n "$KA_PID" ] && wait "$KA_PID" 2>/dev/null || true
    KA_PID=""
    rm -f "$WORK"/*.pid
}

delete_namespaces() {
    ip netns del "$NS_K" 2>/dev/null || true
    ip netns del "$NS_C" 2>/dev/null || true
}

cleanup() {
    stop_keepalived
    delete_namespaces
    rm -rf "$WORK"
}
trap cleanup EXIT

# Namespaces left by an earlier run that was killed before its cleanup.
for ns in $(ip netns list | awk '{print $1}' | grep "^${STALE_PREFIX}[0-9]*[kc]$" || true); do
    ip netns del "$ns" || true
done

create_namespaces() {
    ip netns add "$NS_K"
    ip netns add "$NS_C"
    ip link add "$IF_K" netns "$NS_K" type veth peer name "$IF_C" netns "$NS_C"
    # Fixed MACs give fixed IPv6 link-local addresses (fe80::ff:fe77:1 and fe80::ff:fe77:2); no DAD
    # so they are usable at once.
    local ns ifname mac addr
    for side in "$NS_K $IF_K 02:00:00:77:00:01 10.77.0.1/24" "$NS_C $IF_C 02:00:00:77:00:02 10.77.0.2/24"; do
        read -r ns ifname mac addr <<<"$side"
        ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
        ip -n "$ns" link set lo up
        ip -n "$ns" link set "$ifname" address "$mac"
        ip -n "$ns" addr add "$addr" dev "$ifname"
        ip -n "$ns" link set "$ifname" up
    done
}

# hex of the IP datagrams in a pcap (Ethernet frames), one line per packet
datagrams() {
    tcpdump -r "$1" -n -xx 2>/dev/null | awk '
        /^[^ \t]/ { if (hex != "") print hex; hex = ""; next }
        { for (i = 2; i <= NF; i++) hex = hex $i }
        END { if (hex != "") print hex }' | sed 's/^.\{28\}//'
}

# "SRC DST TTL PAYLOAD" of one IPv4 or IPv6 datagram (IPv6: no extension headers expected)
split_datagram() {
    local d=$1
    if [ "${d:0:1}" = 4 ]; then
        local ihl=$(( 0x${d:1:1} * 4 ))
        printf '%d.%d.%d.%d %d.%d.%d.%d %d %s\n' \
            0x${d:24:2} 0x${d:26:2} 0x${d:28:2} 0x${d:30:2} 0x${d:32:2} 0x${d:34:2} 0x${d:36:2} 0x${d:38:2} \
            0x${d:16:2} "${d:$((ihl * 2))}"
    else
        [ "${d:12:2}" = 70 ] || { echo "unexpected IPv6 next header ${d:12:2}" >&2; return 1; }
        printf '%s %s %d %s\n' "$(v6 "${d:16:32}")" "$(v6 "${d:48:32}")" 0x${d:14:2} "${d:80}"
    fi
}

v6() {
    local h=$1 s="" i
    for i in 0 4 8 12 16 20 24 28; do s="$s${s:+:}${h:$i:4}"; done
    echo "$s"
}

# capture NAME FILTER CONFIG: runs keepalived with CONFIG and stores its first advert in NAME.txt
capture() {
    local name=$1 filter=$2 config=$3
    create_namespaces
    printf '%s\n' "$config" >"$WORK/$name.conf"
    ip netns exec "$NS_C" tcpdump -i "$IF_C" -n -U -c 3 -w "$WORK/$name.pcap" "$filter" 2>"$WORK/tcpdump.err" &
    local tcpdump_pid=$!
    for _ in $(seq 1 100); do grep -q "listening on" "$WORK/tcpdump.err" && break; sleep 0.1; done
    ip netns exec "$NS_K" keepalived -f "$WORK/$name.conf" -p "$WORK/keepalived.pid" -r "$WORK/vrrp.pid" \
        -c "$WORK/checkers.pid" --dont-fork -l -D -n >"$WORK/$name.log" 2>&1 &
    KA_PID=$!
    for _ in $(seq 1 300); do kill -0 "$tcpdump_pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$tcpdump_pid" 2>/dev/null; then
        kill "$tcpdump_pid"; wait "$tcpdump_pid" || true
        echo "no adverts captured for $name; keepalived said:" >&2; cat "$WORK/$name.log" >&2; exit 1
    fi
    wait "$tcpdump_pid" || true
    stop_keepalived
    delete_namespaces
    local first src dst ttl payload
    first=$(datagrams "$WORK/$name.pcap" | head -1)
    read -r src dst ttl payload <<<"$(split_datagram "$first")"
    {
        echo "# VRRP advert sent by $(keepalived --version 2>&1 | head -1), captured by capture-keepalived.sh"
        echo "# configuration (interface ${IF_K}, 10.77.0.1/24, fe80::ff:fe77:1):"
        printf '%s\n' "$config" | sed 's/^/#   /'
        echo "src $src"
        echo "dst $dst"
        echo "ttl $ttl"
        echo "payload $payload"
    } >"$OUT/$name.txt"
    echo "wrote $OUT/$name.txt"
}

capture v2-pass "ip proto 112" "vrrp_instance V2PASS {
    state MASTER
    interface $IF_K
    version 2
    virtual_router_id 51
    priority 150
    advert_int 1
    authentication {
        auth_type PASS
        auth_pass vigil
    }
    virtual_ipaddress {
        10.77.0.100/24
        10.77.0.101/24
    }
}"

capture v2-none "ip proto 112" "vrrp_instance V2NONE {
    state MASTER
    interface $IF_K
    version 2
    virtual_router_id 54
    priority 100
    advert_int 3
    virtual_ipaddress {
        10.77.0.120/24
    }
}"

capture v3-ipv4 "ip proto 112" "vrrp_instance V3V4 {
    state MASTER
    interface $IF_K
    version 3
    virtual_router_id 52
    priority 120
    advert_int 0.5
    virtual_ipaddress {
        10.77.0.110/24
        10.77.0.111/24
    }
}"

capture v3-ipv6 "ip6 proto 112" "vrrp_instance V3V6 {
    state MASTER
    interface $IF_K
    version 3
    virtual_router_id 53
    priority 200
    advert_int 1
    virtual_ipaddress {
        fd77::100/64
        fd77::101/64
    }
}"

capture v3-ipv4-unicast "ip proto 112" "vrrp_instance V3UNI {
    state MASTER
    interface $IF_K
    version 3
    virtual_router_id 55
    priority 110
    advert_int 1
    unicast_src_ip 10.77.0.1
    unicast_peer {
        10.77.0.2
    }
    virtual_ipaddress {
        10.77.0.130/24
    }
}"
