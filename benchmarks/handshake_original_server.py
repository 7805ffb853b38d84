#!/usr/bin/env python3
"""The original demo-2 server's handshake, served again and again, for benchmarks/run.

As the original does it: accept a connection, THEN generate an RSA-2048 key (exponent 65537),
send the public key as a PEM SubjectPublicKeyInfo frame, receive the wrapped session key and
unwrap it with RSA-OAEP (SHA-256, MGF1-SHA-256, no label). The original would chat and exit after
one client; this one closes and accepts the next, `--count` times.

    handshake_original_server.py [--port 0] [--count N]
prints `PORT <n>` once listening.
"""

import argparse
import socket
import struct
import sys

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa


def read_exactly(sock, count):
    data = b""
    while len(data) < count:
        packet = sock.recv(count - len(data))
        if not packet:
            return None
        data += packet
    return data


def serve_one(conn):
    private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private_key.public_key().public_bytes(
        encoding=serialization.Encoding.PEM,
        format=serialization.PublicFormat.SubjectPublicKeyInfo,
    )
    conn.sendall(struct.pack(">I", len(pem)) + pem)
    header = read_exactly(conn, 4)
    wrapped = header and read_exactly(conn, struct.unpack(">I", header)[0])
    if not wrapped:
        sys.exit("handshake_original_server.py: the client closed during the handshake")
    session_key = private_key.decrypt(
        wrapped,
        padding.OAEP(
            mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None
        ),
    )
    assert len(session_key) == 32


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--count", type=int, default=1)
    args = parser.parse_args()
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", args.port))
    server.listen(1)
    print(f"PORT {server.getsockname()[1]}", flush=True)
    for _ in range(args.count):
        conn, _ = server.accept()
        serve_one(conn)
        conn.close()
    server.close()


if __name__ == "__main__":
    main()
