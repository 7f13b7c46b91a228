#!/usr/bin/env python3
"""Turns capture-ipvsadm.sh output (strace hex dumps) into golden files: NAME.golden.

Keeps the IPVS family's messages (requests, replies, acks/errors, DONE); drops the generic
netlink controller's family lookup and the MSG_PEEK duplicates. One netlink message per line:
'>' sent by ipvsadm, '<' received from the kernel, as hex; '|' lines are ipvsadm's own output.
Lines starting with '#' are notes.
usage: strace2golden.py CAPTURE_DIR GOLDEN_DIR
"""
import os
import re
import struct
import sys

CTRL = 0x10
SYSCALL = re.compile(r'^\d+\s+(sendmsg|recvmsg)\(')
HEX = re.compile(r'^ \| [0-9a-f]{5}  ')


def datagrams(path):
    out, cur, skip = [], None, False
    for line in open(path, encoding='latin-1'):
        m = SYSCALL.match(line)
        if m:
            if cur is not None and not skip:
                out.append(cur)
            cur = (m.group(1), bytearray())
            skip = 'MSG_PEEK' in line.rsplit(')', 1)[0][-40:]
            continue
        h = HEX.match(line)
        if h and cur is not None:
            cur[1].extend(bytes.fromhex(''.join(re.findall('[0-9a-f]{2}', line[10:59]))))
    if cur is not None and not skip:
        out.append(cur)
    return out


def messages(data):
    off = 0
    while off + 16 <= len(data):
        ln = struct.unpack_from('<I', data, off)[0]
        yield bytes(data[off:off + ln])
        off += (ln + 3) & ~3


def keep(msg):
    typ = struct.unpack_from('<H', msg, 4)[0]
    if typ == CTRL:
        return False
    if typ == 2 and len(msg) >= 36:  # NLMSG_ERROR: look at the request it answers
        return struct.unpack_from('<H', msg, 24)[0] != CTRL
    return True


def main(src, dst):
    os.makedirs(dst, exist_ok=True)
    for f in sorted(os.listdir(src)):
        if not f.endswith('.strace'):
            continue
        name = f[:-len('.strace')]
        cmd = open(os.path.join(src, name + '.cmd')).read().splitlines()
        lines = ['# ' + cmd[0], '# ' + cmd[1],
                 '# captured with capture-ipvsadm.sh in the IPVS VM (Linux 6.1, ipvsadm 1.31, libnl)']
        out = os.path.join(src, name + '.out')
        if os.path.exists(out):
            lines += ['| ' + l if l else '|' for l in open(out).read().splitlines()]
        for kind, data in datagrams(os.path.join(src, f)):
            for msg in messages(data):
                if keep(msg):
                    lines.append(('> ' if kind == 'sendmsg' else '< ') + msg.hex())
        with open(os.path.join(dst, name + '.golden'), 'w') as o:
            o.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
