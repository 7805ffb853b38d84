#!/usr/bin/env python3
"""Relays for the live exercises, written as a learner would: by importing the `relay.py` an
exercise hands out and replacing its frame handlers.

Usage: relays.py KIND MATERIAL_FOLDER SERVER_PORT
KIND: passthrough (relay.py as handed out), replay, reflect, mitm, silent (takes the client's
connection and never connects to the server). The relay listens on a free port and prints it
("relay: on 127.0.0.1:PORT, ..."); the man in the middle also prints every plaintext it reads.
"""
import socket
import sys

kind, folder, server_port = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, folder)
import relay  # noqa: E402  (the exercise's own file)

relay.LISTEN_PORT = 0
relay.SERVER_PORT = server_port


def replay(number, body, to_server, to_client):
    # The client's frames: 1 the wrapped key, 2 its hello, 3 the transfer.
    relay.send_frame(to_server, body)
    if number == 3:
        relay.send_frame(to_server, body)


def reflect(number, body, to_server, to_client):
    # The wrapped key goes on; the client's message comes back to it.
    relay.send_frame(to_client if number == 2 else to_server, body)


def mitm():
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding, rsa
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    own = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    oaep = padding.OAEP(
        mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None)
    state = {}

    def on_server_frame(number, body, to_server, to_client):
        if number == 1:
            state["server"] = serialization.load_pem_public_key(body)
            body = own.public_key().public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        relay.send_frame(to_client, body)

    def on_client_frame(number, body, to_server, to_client):
        if number == 1:
            state["key"] = own.decrypt(body, oaep)
            body = state["server"].encrypt(state["key"], oaep)
        else:
            text = AESGCM(state["key"]).decrypt(body[:12], body[12:], None).decode()
            print("PLAINTEXT:", text, flush=True)
        relay.send_frame(to_server, body)

    relay.on_server_frame = on_server_frame
    relay.on_client_frame = on_client_frame


def silent():
    listener = socket.create_server(("127.0.0.1", 0))
    print(f"relay: on 127.0.0.1:{listener.getsockname()[1]}, never connecting", flush=True)
    held = []
    while True:
        client, _ = listener.accept()
        held.append(client)


if kind == "replay":
    relay.on_client_frame = replay
elif kind == "reflect":
    relay.on_client_frame = reflect
elif kind == "mitm":
    mitm()
elif kind == "silent":
    silent()
elif kind != "passthrough":
    raise SystemExit(f"no relay called {kind}")
relay.main()
