#!/usr/bin/env python3
"""Writes python-vectors-modern.json: X25519, Ed25519, HKDF-SHA256 and SHA-256 values made by
Python's `cryptography` package, for demo 3's primitives to check offline.

Run it again only to refresh the vectors:
`python3 make_modern_fixtures.py > python-vectors-modern.json`. Every value is hex, except PEM
text and the HKDF length.
"""
import json
import os

import cryptography
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

RAW = (serialization.Encoding.Raw, serialization.PublicFormat.Raw)
RAW_PRIVATE = (serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
               serialization.NoEncryption())

first = x25519.X25519PrivateKey.generate()
second = x25519.X25519PrivateKey.generate()

signer = ed25519.Ed25519PrivateKey.generate()
message = "Server handshake transcript: Grüße 👋".encode()

hkdf_secret, hkdf_salt, hkdf_info = os.urandom(32), os.urandom(32), os.urandom(24)
hkdf_length = 64
hkdf_output = HKDF(hashes.SHA256(), hkdf_length, hkdf_salt, hkdf_info).derive(hkdf_secret)

sha256_input = os.urandom(200)
digest = hashes.Hash(hashes.SHA256())
digest.update(sha256_input)

print(json.dumps({
    "producer": f"Python cryptography {cryptography.__version__}",
    "x25519_private": first.private_bytes(*RAW_PRIVATE).hex(),
    "x25519_public": first.public_key().public_bytes(*RAW).hex(),
    "x25519_peer_private": second.private_bytes(*RAW_PRIVATE).hex(),
    "x25519_peer_public": second.public_key().public_bytes(*RAW).hex(),
    "x25519_shared_secret": first.exchange(second.public_key()).hex(),
    "ed25519_private": signer.private_bytes(*RAW_PRIVATE).hex(),
    "ed25519_public": signer.public_key().public_bytes(*RAW).hex(),
    "ed25519_private_pem": signer.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()).decode(),
    "ed25519_public_pem": signer.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode(),
    "ed25519_message": message.hex(),
    "ed25519_signature": signer.sign(message).hex(),
    "hkdf_secret": hkdf_secret.hex(),
    "hkdf_salt": hkdf_salt.hex(),
    "hkdf_info": hkdf_info.hex(),
    "hkdf_length": hkdf_length,
    "hkdf_output": hkdf_output.hex(),
    "sha256_input": sha256_input.hex(),
    "sha256_digest": digest.finalize().hex(),
}, indent=2))
