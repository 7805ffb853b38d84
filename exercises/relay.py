#!/usr/bin/env python3
"""A relay between a demo-2 client and server (learnchat exercise material).

It listens where the client expects the server (127.0.0.1:5002); for each client it
connects to the real server (127.0.0.1:5003) and passes every frame on, unchanged, in both
directions, printing each. Change on_client_frame and on_server_frame to attack, or import
this file, replace them, and call main().

Usage: python3 relay.py [LISTEN_PORT [SERVER_PORT]]
"""
import socket
import struct
import sys
import threading

LISTEN_PORT = 5002
SERVER_PORT = 5003


def read_exactly(sock, count):
    """Exactly `count` bytes from `sock`, or None if the stream ends first."""
    data = b""
    while len(data) < count:
        chunk = sock.recv(count - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def read_frame(sock):
    """The next frame's body, or None at the end of the stream."""
    header = read_exactly(sock, 4)
    if header is None:
        return None
    return read_exactly(sock, struct.unpack(">I", header)[0])


def send_frame(sock, body):
    """Sends `body` as one frame: its 4-byte big-endian length, then the body."""
    sock.sendall(struct.pack(">I", len(body)) + body)


def on_client_frame(number, body, to_server, to_client):
    """The client's frame `number` (1: the wrapped key, then its messages)."""
    send_frame(to_server, body)


def on_server_frame(number, body, to_server, to_client):
    """The server's frame `number` (1: its public key, then its messages)."""
    send_frame(to_client, body)


def pump(source, name, handler, to_server, to_client):
    number = 0
    try:
        while (body := read_frame(source)) is not None:
            number += 1
            print(f"{name} frame {number}: {len(body)} bytes: {body[:16].hex(' ')} ...",
                  flush=True)
            handler(number, body, to_server, to_client)
    except OSError as error:
        print(f"{name}: {error}", flush=True)
    # One side hung up: hang up on both, as a transparent relay would.
    for sock in (to_server, to_client):
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def main():
    listener = socket.create_server(("127.0.0.1", LISTEN_PORT))
    port = listener.getsockname()[1]
    print(f"relay: on 127.0.0.1:{port}, server at 127.0.0.1:{SERVER_PORT}", flush=True)
    while True:
        client, _ = listener.accept()
        server = socket.create_connection(("127.0.0.1", SERVER_PORT))
        for source, name, handler in ((server, "server", on_server_frame),
                                      (client, "client", on_client_frame)):
            threading.Thread(target=pump, args=(source, name, handler, server, client),
                             daemon=True).start()


if __name__ == "__main__":
    if len(sys.argv) > 1:
        LISTEN_PORT = int(sys.argv[1])
    if len(sys.argv) > 2:
        SERVER_PORT = int(sys.argv[2])
    main()
