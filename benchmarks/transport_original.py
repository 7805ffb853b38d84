#!/usr/bin/env python3
"""The original demo-2 message transport, for benchmarks/run to measure beside learnchat's.

Done exactly as the original Python messenger does it, with `cryptography`: for each message a
random 12-byte nonce (os.urandom), a NEW AESGCM object, `nonce + encrypt(...)`, a 4-byte
big-endian length prefix and `sendall`; the receiver reads the 4-byte length, then the body, and
decrypts it with a new AESGCM object.

The one change: the original reads the length with a single recv(4), which may return fewer than 4
bytes; here every read goes through read_exactly(), so the stream stays in step (a short read there
would desynchronise the run, not speed it up).

Same command line and output as `learnchat bench-transport`:
    transport_original.py receive --port 0 --size N --count M   prints `PORT <n>`, then
        {"messages": M, "seconds": S}, timed from the first byte received to the last message
        decrypted
    transport_original.py send --port P --size N --count M
Both sides use a fixed key agreed out of band (32 bytes of 0x42) and no handshake: this measures
the transport only, like the learnchat side. Decoding and printing the text are left out on both.
"""

import argparse
import json
import os
import socket
import struct
import sys
import time

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY = bytes([0x42]) * 32


def read_exactly(sock, count):
    """Reads exactly `count` bytes, as the original's body loop does; None if the peer closed."""
    data = b""
    while len(data) < count:
        packet = sock.recv(count - len(data))
        if not packet:
            return None
        data += packet
    return data


def send_message(sock, text):
    """One message as the original sends it."""
    nonce = os.urandom(12)
    aesgcm = AESGCM(KEY)
    encrypted = nonce + aesgcm.encrypt(nonce, text.encode(), None)
    sock.sendall(struct.pack(">I", len(encrypted)) + encrypted)


def receive_message(sock):
    """One message as the original receives it: length, body, a new AESGCM object to decrypt."""
    header = read_exactly(sock, 4)
    if header is None:
        return None
    (length,) = struct.unpack(">I", header)
    body = read_exactly(sock, length)
    if body is None:
        return None
    aesgcm = AESGCM(KEY)
    return aesgcm.decrypt(body[:12], body[12:], None)


def receive(port, size, count):
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", port))
    server.listen(1)
    print(f"PORT {server.getsockname()[1]}", flush=True)
    conn, _ = server.accept()
    # Wait for the first byte without taking it, so the clock starts when it is in.
    conn.recv(1, socket.MSG_PEEK)
    start = time.perf_counter()
    for index in range(count):
        plaintext = receive_message(conn)
        if plaintext is None or len(plaintext) != size:
            sys.exit(f"transport_original.py: message {index} did not arrive intact")
    seconds = time.perf_counter() - start
    print(json.dumps({"messages": count, "seconds": seconds}), flush=True)
    conn.close()
    server.close()


def send(port, size, count):
    sock = socket.create_connection(("127.0.0.1", port))
    text = "m" * size
    for _ in range(count):
        send_message(sock, text)
    sock.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("role", choices=["receive", "send"])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--count", type=int, required=True)
    args = parser.parse_args()
    if args.role == "receive":
        receive(args.port, args.size, args.count)
    else:
        send(args.port, args.size, args.count)


if __name__ == "__main__":
    main()
