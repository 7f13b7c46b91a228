#!/usr/bin/env bash
# Records what ipvsadm (libnl) sends to and receives from the kernel's IPVS generic netlink family,
# for the golden-byte tests. Run as root under a kernel with IPVS, e.g.:
#   IPVS_VM_OUT=/tmp/vmout /work/shared/tools/ipvs-vm -- bash capture-ipvsadm.sh /tmp/vmout/cap
# Then convert with strace2golden.py. Each capture NAME gets NAME.strace (raw strace with hex
# dumps of every datagram), NAME.cmd (the ipvsadm arguments) and NAME.out (ipvsadm's output).
set -u
OUT=${1:?output dir}
mkdir -p "$OUT"
ip link add dummy0 type dummy 2>/dev/null || true
ip addr add 10.9.0.1/24 dev dummy0
ip -6 addr add 2001:db8::1/64 dev dummy0 nodad
ip link set dummy0 up
modprobe ip_vs_pe_sip
ipvsadm -C

cap() {
  local name=$1; shift
  printf '%s\n' "ipvsadm $*" >"$OUT/$name.cmd"
  strace -f -xx -s 65535 -e trace=sendmsg,recvmsg -e write=all -e read=all -o "$OUT/$name.strace" \
    ipvsadm "$@" >"$OUT/$name.out" 2>&1
  echo "exit $?" >>"$OUT/$name.cmd"
}
save() { ipvsadm "$@" >"$OUT/$1-$2.txt" 2>&1; }

cap info -L -n --timeout
cap svc-add-tcp-wrr -A -t 10.9.0.1:80 -s wrr
cap svc-add-udp-rr -A -u 10.9.0.1:53 -s rr
cap svc-add-sctp-lc -A --sctp-service 10.9.0.1:3868 -s lc
cap svc-add-fwmark-wlc -A -f 7 -s wlc
cap svc-add-fwmark6-sh-flags -A -f 8 -6 -s sh -b sh-fallback,sh-port
cap svc-add-tcp6-mh-flags -A -t [2001:db8::1]:443 -s mh -b mh-fallback,mh-port
cap svc-add-persist-netmask -A -t 10.9.0.1:81 -s sed -p 600 -M 255.255.255.0
cap svc-add-persist-default -A -t 10.9.0.1:82 -s nq -p
cap svc-add-onepacket -A -u 10.9.0.1:54 -s dh -o
cap svc-add-pe-sip -A -u 10.9.0.1:5060 -s rr -p 60 --pe sip
cap svc-add-persist6-prefix -A -t [2001:db8::1]:444 -s lblc -p 300 -M 64
cap svc-add-lblcr -A -t 10.9.0.1:83 -s lblcr
cap svc-add-fo -A -t 10.9.0.1:84 -s fo
cap svc-add-ovf -A -t 10.9.0.1:85 -s ovf
cap svc-add-flag3 -A -t 10.9.0.1:86 -s rr -b flag-1,flag-2,flag-3
cap svc-edit -E -t 10.9.0.1:80 -s rr -p 120
cap dest-add-nat -a -t 10.9.0.1:80 -r 10.9.0.10:8080 -m -w 5
cap dest-add-dr-thresholds -a -t 10.9.0.1:80 -r 10.9.0.11 -g -w 0 -x 100 -y 10
cap dest-add-tun-gue -a -t 10.9.0.1:80 -r 10.9.0.12 -i --tun-type gue --tun-port 6080 --tun-csum
cap dest-add-tun-gue-remcsum -a -t 10.9.0.1:80 -r 10.9.0.13 -i --tun-type gue --tun-port 6081 --tun-remcsum
cap dest-add-tun-gre -a -t 10.9.0.1:80 -r 10.9.0.14 -i --tun-type gre --tun-csum
cap dest-add-tun-ipip -a -t 10.9.0.1:80 -r 10.9.0.15 -i -w 2
cap dest-add-v6 -a -t [2001:db8::1]:443 -r [2001:db8::10]:8443 -m -w 3
cap dest-add-v6-under-v4 -a -t 10.9.0.1:80 -r 2001:db8::11 -i
cap dest-add-fwmark -a -f 7 -r 10.9.0.20 -g
cap dest-add-fwmark6 -a -f 8 -6 -r 2001:db8::20 -g
cap dest-add-udp -a -u 10.9.0.1:53 -r 10.9.0.21:5353 -m -w 4
cap dest-add-sctp -a --sctp-service 10.9.0.1:3868 -r 10.9.0.22 -g
cap dest-edit -e -t 10.9.0.1:80 -r 10.9.0.10:8080 -m -w 9 -x 50 -y 5
cap get-service -L -n -t 10.9.0.1:80
cap get-service6 -L -n -t [2001:db8::1]:443
cap dest-edit-tunnel -e -t 10.9.0.1:80 -r 10.9.0.12 -i -w 4 --tun-type gre --tun-csum
cap list -L -n
cap list-stats -L -n --stats
cap save -S -n
save -S -n
save -L -n
save -L --timeout
cap dest-del -d -t 10.9.0.1:80 -r 10.9.0.11
# the kernel refuses to start sync daemons (EINVAL) while a destination has another family than its service
cap dest-del-v6-under-v4 -d -t 10.9.0.1:80 -r 2001:db8::11
cap svc-del -D -t 10.9.0.1:81
cap zero-fwmark6 -Z -f 8 -6
cap svc-del-fwmark6 -D -f 8 -6
cap zero -Z
cap zero-svc -Z -t 10.9.0.1:80
cap set-timeouts --set 900 120 300
cap get-timeouts -L --timeout
cap set-timeouts-partial --set 0 0 200
cap daemon-list-none -L --daemon
cap daemon-start-master --start-daemon master --mcast-interface dummy0 --syncid 5
cap daemon-start-backup --start-daemon backup --mcast-interface dummy0 --syncid 6 --sync-maxlen 1400 --mcast-group 239.1.2.3 --mcast-port 9000 --mcast-ttl 3
cap daemon-list -L --daemon
cap daemon-stop-master --stop-daemon master
cap daemon-stop-backup --stop-daemon backup
cap daemon-start-default --start-daemon backup --mcast-interface dummy0
cap daemon-stop-default --stop-daemon backup
cap daemon-start-master6 --start-daemon master --mcast-interface dummy0 --syncid 7 --mcast-group ff02::1:81 --mcast-port 8848
cap daemon-list6 -L --daemon
cap err-daemon-dup --start-daemon master --mcast-interface dummy0 --syncid 7
cap daemon-stop-master6 --stop-daemon master
cap err-daemon-stop-none --stop-daemon master
cap err-get-service-missing -L -n -t 10.9.0.1:99
cap err-dest-thresholds -a -t 10.9.0.1:80 -r 10.9.0.30 -y 10
cap err-dest-missing-svc -a -t 10.9.0.1:99 -r 10.9.0.10 -m
cap err-svc-dup -A -t 10.9.0.1:80 -s rr
cap err-svc-del-missing -D -t 10.9.0.1:99
cap err-svc-edit-missing -E -t 10.9.0.1:99 -s rr
cap err-dest-dup -a -t 10.9.0.1:80 -r 10.9.0.10:8080 -m
cap err-dest-del-missing -d -t 10.9.0.1:80 -r 10.9.0.99
cap err-dest-edit-missing -e -t 10.9.0.1:80 -r 10.9.0.99 -m
cap err-sched-unknown -A -t 10.9.0.1:90 -s bogus
cap err-pe-unknown -A -t 10.9.0.1:91 -s rr -p --pe bogus
cap flush -C
# traffic, so that dumps carry non-zero counters
ipvsadm -A -t 10.9.0.1:7000 -s rr
ipvsadm -a -t 10.9.0.1:7000 -r 10.9.0.1:7000 -m
( busybox nc -lk -p 7000 -s 10.9.0.1 -e /bin/cat >/dev/null 2>&1 & echo $! >"$OUT/nc.pid" )
sleep 1
for i in 1 2 3 4 5; do
  exec 3<>/dev/tcp/10.9.0.1/7000 && echo hello-$i >&3 && timeout 2 head -c 8 <&3 >/dev/null; exec 3>&- 3<&-
done
sleep 2
cap list-traffic -L -n --stats --exact
cap save-traffic -S -n
save -L -n
kill "$(cat "$OUT/nc.pid")" 2>/dev/null
ipvsadm -C
ls "$OUT" | wc -l
