#!/usr/bin/env python3
"""The Python side of learnchat's live tests of demo 3's primitives (X25519, Ed25519,
HKDF-SHA256), using `cryptography`. Reads one JSON object on stdin, writes one on stdout;
values are hex or PEM.

  respond  verify Swift's Ed25519 signature (raw key and PEM), agree on an X25519 secret with
           Swift's public key, derive HKDF keys from it, and sign a message of its own
"""
import json
import os
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

RAW = (serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def verifies(public_key, signature, message):
    try:
        public_key.verify(signature, message)
        return True
    except InvalidSignature:
        return False


def respond(request):
    message = bytes.fromhex(request["message"])
    signature = bytes.fromhex(request["swift_signature"])
    swift_signer = ed25519.Ed25519PublicKey.from_public_bytes(
        bytes.fromhex(request["swift_ed25519_public"]))
    swift_signer_pem = serialization.load_pem_public_key(request["swift_ed25519_public_pem"].encode())
    tampered = bytes([message[0] ^ 1]) + message[1:]

    own = x25519.X25519PrivateKey.generate()
    shared = own.exchange(
        x25519.X25519PublicKey.from_public_bytes(bytes.fromhex(request["swift_x25519_public"])))
    salt, info = bytes.fromhex(request["hkdf_salt"]), bytes.fromhex(request["hkdf_info"])

    signer = ed25519.Ed25519PrivateKey.generate()
    python_message = os.urandom(100)
    return {
        "swift_signature_valid": verifies(swift_signer, signature, message),
        "swift_signature_valid_pem": verifies(swift_signer_pem, signature, message),
        "tampered_signature_valid": verifies(swift_signer, signature, tampered),
        "swift_signer_pem_raw": swift_signer_pem.public_bytes(*RAW).hex(),
        "python_x25519_public": own.public_key().public_bytes(*RAW).hex(),
        "shared_secret": shared.hex(),
        "hkdf_output": HKDF(hashes.SHA256(), 32, salt, info).derive(shared).hex(),
        "python_ed25519_public_pem": signer.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode(),
        "python_message": python_message.hex(),
        "python_signature": signer.sign(python_message).hex(),
    }


if __name__ == "__main__":
    commands = {"respond": respond}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        sys.exit("usage: interop_modern.py respond < request.json")
    json.dump(commands[sys.argv[1]](json.load(sys.stdin)), sys.stdout)
