#!/usr/bin/env python3
"""Writes python-vectors.json: values made by Python's `cryptography` package (the library the
original demos use) for learnchat's crypto tests to check offline.

Run it again only to refresh the vectors: `python3 make_fixtures.py > python-vectors.json`.
Every value is hex, except PEM text.
"""
import json
import os

import cryptography
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

# Exactly the original demo's OAEP parameters.
OAEP = padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None)

private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
public_pem = private_key.public_key().public_bytes(
    serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
public_der = private_key.public_key().public_bytes(
    serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
private_pem = private_key.private_bytes(
    serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
numbers = private_key.public_key().public_numbers()

session_key = os.urandom(32)
wrapped_key = private_key.public_key().encrypt(session_key, OAEP)

nonce = os.urandom(12)
plaintext = "Hello from Python! Grüße 👋".encode()
body = nonce + AESGCM(session_key).encrypt(nonce, plaintext, None)

other = ed25519.Ed25519PrivateKey.generate().public_key().public_bytes(
    serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)

print(json.dumps({
    "producer": f"Python cryptography {cryptography.__version__}",
    "rsa_private_pem": private_pem.decode(),
    "rsa_public_pem": public_pem.decode(),
    "rsa_public_der": public_der.hex(),
    "rsa_modulus": format(numbers.n, "x"),
    "rsa_exponent": numbers.e,
    "oaep_plaintext": session_key.hex(),
    "oaep_ciphertext": wrapped_key.hex(),
    "gcm_key": session_key.hex(),
    "gcm_plaintext": plaintext.hex(),
    "gcm_body": body.hex(),
    "ed25519_public_pem": other.decode(),
}, indent=2))
