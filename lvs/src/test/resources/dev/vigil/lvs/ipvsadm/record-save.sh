#!/usr/bin/env bash
# Records ipvsadm's own save format for the golden tests: for every NAME.rules here, loads it
# with `ipvsadm -R` into an empty table and writes `ipvsadm -Sn` to NAME.saved and the kernel's
# unsorted dump order (`ipvsadm -Ln --nosort`) to NAME.list-nosort (exit status of the restore in
# NAME.restore-status; all 0 for the files here). Run as root under a kernel with IPVS, e.g.:
#   IPVS_VM_OUT=/tmp/vmout /work/shared/tools/ipvs-vm -- bash record-save.sh /tmp/vmout/save
# then copy NAME.saved and NAME.list-nosort (as NAME.nosort) next to the rules.
# Recorded with Linux 6.1 (Debian 12 kernel in the IPVS VM) and ipvsadm 1.31.
set -u
OUT=${1:?output dir}
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$OUT"
ip link add dummy0 type dummy 2>/dev/null || true
ip addr add 10.9.0.1/24 dev dummy0
ip -6 addr add 2001:db8::1/64 dev dummy0 nodad
ip link set dummy0 up
modprobe ip_vs_pe_sip
for f in "$HERE"/*.rules; do
  n=$(basename "$f" .rules)
  ipvsadm -C
  ipvsadm -R <"$f" >"$OUT/$n.restore-output" 2>&1
  echo "$?" >"$OUT/$n.restore-status"
  ipvsadm -Sn >"$OUT/$n.saved" 2>&1
  ipvsadm -Ln --nosort >"$OUT/$n.list-nosort" 2>&1
  ipvsadm -Ln --tun-info --thresholds >"$OUT/$n.list" 2>&1
done
ipvsadm -C
