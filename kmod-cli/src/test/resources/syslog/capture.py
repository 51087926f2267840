# Captures what a program sends to the system logger, for SyslogOracleTest.
# usage: capture.py socket|console OUTFILE READYFILE
#   socket:  binds the AF_UNIX datagram socket /dev/log; writes each datagram to OUTFILE as one
#            line of hex.
#   console: makes /dev/console a FIFO and copies every byte written to it to OUTFILE.
# Either stops at a message that is exactly b"\0STOP" (socket) or ends with it (console).
import os
import socket
import sys

mode, out, ready = sys.argv[1], sys.argv[2], sys.argv[3]
STOP = b"\0STOP"
with open(out, "wb") as f:
    if mode == "socket":
        s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        s.bind("/dev/log")
        open(ready, "w").close()
        while True:
            d = s.recv(1 << 16)
            if d == STOP:
                break
            f.write(d.hex().encode() + b"\n")
            f.flush()
    else:
        os.mkfifo("/dev/console", 0o600)
        fd = os.open("/dev/console", os.O_RDWR)  # never sees end of file: writers come and go
        open(ready, "w").close()
        data = b""
        while not data.endswith(STOP):
            data += os.read(fd, 1 << 16)
        f.write(data[: -len(STOP)])
