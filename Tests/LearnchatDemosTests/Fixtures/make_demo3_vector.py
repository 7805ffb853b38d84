#!/usr/bin/env python3
"""Writes demo3-key-schedule.json: one demo-3 handshake computed by Python's `cryptography`
from fixed private keys, following docs/demo-3-protocol.md, so the Swift key schedule is
checked against an implementation that shares no code with it.

Deterministic (Ed25519 signatures are): `python3 make_demo3_vector.py > demo3-key-schedule.json`
gives the same file every time.
"""
import hashlib
import json

import cryptography
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

RAW = (serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fixed(name):
    """32 bytes that anyone can recompute: SHA-256 of a name."""
    return hashlib.sha256(name.encode()).digest()


identity = ed25519.Ed25519PrivateKey.from_private_bytes(fixed("identity"))
client = x25519.X25519PrivateKey.from_private_bytes(fixed("client ephemeral"))
server = x25519.X25519PrivateKey.from_private_bytes(fixed("server ephemeral"))

label = b"learnchat demo 3 handshake"
client_hello = client.public_key().public_bytes(*RAW)
identity_public = identity.public_key().public_bytes(*RAW)
server_public = server.public_key().public_bytes(*RAW)
signature = identity.sign(label + client_hello + identity_public + server_public)
server_hello = identity_public + server_public + signature

shared = client.exchange(server.public_key())
assert shared == server.exchange(client.public_key())
transcript = hashlib.sha256(label + client_hello + server_hello).digest()


def key(direction):
    # No salt (32 zero bytes); the transcript hash ends the info.
    info = b"learnchat demo 3 " + direction + transcript
    return HKDF(hashes.SHA256(), 32, None, info).derive(shared)


print(json.dumps({
    "producer": f"Python cryptography {cryptography.__version__}",
    "identity_private": fixed("identity").hex(),
    "client_ephemeral_private": fixed("client ephemeral").hex(),
    "server_ephemeral_private": fixed("server ephemeral").hex(),
    "client_hello": client_hello.hex(),
    "server_hello": server_hello.hex(),
    "shared_secret": shared.hex(),
    "transcript_hash": transcript.hex(),
    "client_to_server_key": key(b"client to server").hex(),
    "server_to_client_key": key(b"server to client").hex(),
}, indent=2))
