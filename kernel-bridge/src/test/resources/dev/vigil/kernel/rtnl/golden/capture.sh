#!/usr/bin/env bash
# Regenerates the golden rtnetlink captures in this directory: runs iproute2 under strace in a
# throw-away network namespace and keeps the raw bytes of every netlink datagram sent (">") and
# received ("<"), one datagram per line in hex. Needs root, iproute2, strace and python3.
# Usage: capture.sh [OUTDIR]   (default: this script's directory)
set -euo pipefail
out=${1:-$(cd "$(dirname "$0")" && pwd)}
ns=vt-golden-$$
trap 'ip netns del "$ns" 2>/dev/null || true' EXIT
ip netns add "$ns"
inns() { ip netns exec "$ns" "$@"; }
inns ip link set lo up
inns ip link add veth0 type veth peer name veth1    # in a fresh namespace: veth1=2, veth0=3
inns ip link set veth0 up
inns ip link set veth1 up

# hexify FILE: one line per netlink datagram of an strace log: '>' sent, '<' received, then hex.
hexify() {
  python3 - "$1" <<'PY'
import re, sys
dirn, buf = None, []
def flush():
    if dirn and buf:
        print(dirn + " " + "".join(buf))
for line in open(sys.argv[1]):
    m = re.match(r'^(?:\d+\s+)?(sendmsg|sendto|recvmsg|recvfrom)\(', line)
    if m:
        flush(); buf = []
        dirn = ">" if m.group(1).startswith("send") else "<"
        continue
    if re.match(r'^(?:\d+\s+)? \* \d+ bytes in buffer', line):
        flush(); buf = []
        continue
    h = re.match(r'^(?:\d+\s+)? \| [0-9a-f]{5}  ((?:[0-9a-f]{2} {1,2}){1,16})', line)
    if h:
        buf.append(h.group(1).replace(" ", ""))
flush()
PY
}

# capture NAME COMMAND...: runs COMMAND under strace and writes NAME.txt
capture() {
  local name=$1; shift
  local raw; raw=$(mktemp)
  inns strace -f -xx -s 65535 -e trace=sendmsg,recvmsg,sendto,recvfrom -e write=all -e read=all \
     -o "$raw" "$@" >/dev/null 2>&1 || true
  { echo "# command: $*"
    echo "# captured with: strace -f -xx -s 65535 -e trace=sendmsg,recvmsg,sendto,recvfrom -e write=all -e read=all"
    echo "# setup: fresh netns; lo=1, veth1=2, veth0=3 (a veth pair, both up); the captures before this one in capture.sh applied"
    echo "# $(ip -V | head -1); kernel $(uname -r)"
    hexify "$raw"
  } > "$out/$name.txt"
  rm -f "$raw"
}

capture link-dump              ip link show
capture addr-add-v4            ip addr add 10.1.1.1/24 broadcast 10.1.1.255 dev veth0 label veth0:vip
capture addr-add-v4-exists     ip addr add 10.1.1.1/24 broadcast 10.1.1.255 dev veth0 label veth0:vip
capture addr-add-v4-host       ip addr add 10.1.1.9/32 dev veth0 scope host
capture addr-add-v4-all        ip addr add 10.8.8.8/24 broadcast 10.8.8.255 dev veth0 label veth0:x noprefixroute scope link
capture addr-add-v6            ip -6 addr add 2001:db8::1/64 dev veth0 nodad
capture addr-add-v6-noprefixroute ip -6 addr add 2001:db8:1::1/64 dev veth0 nodad noprefixroute
capture addr-dump              ip addr show
capture addr-del-v4            ip addr del 10.1.1.9/32 dev veth0
capture addr-del-v6            ip -6 addr del 2001:db8:1::1/64 dev veth0
capture route-add-v4           ip route add 10.2.0.0/16 via 10.1.1.254 dev veth0 src 10.1.1.1 table 100 metric 10 proto static
capture route-add-v4-bigtable  ip route add 10.2.0.0/16 dev veth0 table 1000 scope link
capture route-add-v4-all       ip route add 10.12.0.0/16 via 10.1.1.254 dev veth0 src 10.1.1.1 table 1000 metric 10 proto static
capture route-add-blackhole    ip route add blackhole 10.3.0.0/16 table 100
capture route-add-unreachable  ip route add unreachable 10.4.0.0/16 table 100 metric 7
capture route-add-prohibit     ip route add prohibit 10.5.0.0/16 table 100
capture route-add-v6           ip -6 route add 2001:db8:5::/48 via 2001:db8::fe dev veth0 table 100 metric 5
capture route-dump             ip route show table 100
capture route-dump-v6          ip -6 route show table 100
capture route-del-v4           ip route del 10.2.0.0/16 via 10.1.1.254 dev veth0 table 100 metric 10
capture rule-add-v4            ip rule add from 10.1.0.0/16 to 10.9.0.0/16 iif veth0 fwmark 0x10/0xff table 100 priority 100
capture rule-add-oif           ip rule add oif veth0 table 1000 priority 200
capture rule-add-v6            ip -6 rule add from 2001:db8::/64 table 100 priority 300
capture rule-add-unreachable   ip rule add from 10.6.0.0/16 priority 400 unreachable
capture rule-add-all           ip rule add not from 10.1.0.0/16 to 10.9.0.0/16 iif veth0 oif veth0 fwmark 0x10/0xff table 1000 priority 500
capture rule-dump              ip rule show
capture rule-dump-v6           ip -6 rule show
capture rule-del-v4            ip rule del from 10.1.0.0/16 to 10.9.0.0/16 iif veth0 fwmark 0x10/0xff table 100 priority 100

capture link-add-macvlan       ip link add link veth0 name vrrp.51 address 00:00:5e:00:01:33 type macvlan mode private
capture link-set-up            ip link set dev vrrp.51 up
capture link-set-down          ip link set dev vrrp.51 down
capture link-del               ip link del dev vrrp.51

# Events as the kernel multicasts them: ip monitor while links and addresses change.
raw=$(mktemp)
inns strace -f -xx -s 65535 -e trace=recvmsg -e read=all -o "$raw" ip monitor link address >/dev/null 2>&1 &
mon=$!
sleep 1
inns ip link set veth1 down      # veth0 loses carrier
inns ip link set veth1 up
inns ip addr add 10.7.7.7/24 dev veth0
inns ip addr del 10.7.7.7/24 dev veth0
sleep 1
kill "$mon"; wait "$mon" 2>/dev/null || true
{ echo "# command: ip monitor link address; meanwhile: ip link set veth1 down; ip link set veth1 up;"
  echo "#   ip addr add 10.7.7.7/24 dev veth0; ip addr del 10.7.7.7/24 dev veth0"
  echo "# captured with: strace -f -xx -s 65535 -e trace=recvmsg -e read=all"
  echo "# $(ip -V | head -1); kernel $(uname -r)"
  hexify "$raw"
} > "$out/monitor.txt"
rm -f "$raw"
