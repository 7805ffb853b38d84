#!/usr/bin/env python3
"""Times demo 2's handshake as a client sees it, for benchmarks/run.

Each run: connect to 127.0.0.1:PORT, read the server's public-key frame (PEM), make a random
32-byte AES-256 key, wrap it with RSA-OAEP (SHA-256, MGF1-SHA-256, no label), send it as a frame:
from before connect() until that frame is sent, the channel is ready on the client's side. Then
the client closes (learnchat serve reports `[Peer disconnected]` and takes the next client;
handshake_original_server.py just takes the next one).

    handshake_client.py --port P [--count N] [--pause SECONDS]
prints one JSON line per run: {"run": i, "ms": M}.
"""

import argparse
import json
import os
import socket
import struct
import sys
import time

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding


def read_exactly(sock, count):
    data = b""
    while len(data) < count:
        packet = sock.recv(count - len(data))
        if not packet:
            sys.exit("handshake_client.py: the server closed during the handshake")
        data += packet
    return data


def read_frame(sock):
    (length,) = struct.unpack(">I", read_exactly(sock, 4))
    return read_exactly(sock, length)


def handshake(port):
    """One handshake; returns its milliseconds, connect to key sent."""
    start = time.perf_counter()
    sock = socket.create_connection(("127.0.0.1", port))
    public_key = serialization.load_pem_public_key(read_frame(sock))
    session_key = os.urandom(32)
    wrapped = public_key.encrypt(
        session_key,
        padding.OAEP(
            mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None
        ),
    )
    sock.sendall(struct.pack(">I", len(wrapped)) + wrapped)
    elapsed = time.perf_counter() - start
    sock.close()
    return elapsed * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--count", type=int, default=1)
    parser.add_argument("--pause", type=float, default=0.0, help="seconds between runs")
    args = parser.parse_args()
    for run in range(args.count):
        if run:
            time.sleep(args.pause)
        print(json.dumps({"run": run, "ms": handshake(args.port)}), flush=True)


if __name__ == "__main__":
    main()
