#!/usr/bin/env python3
"""The Python side of learnchat's live cross-implementation tests, using `cryptography` as the
original demos do. Reads one JSON object on stdin, writes one on stdout; values are hex or PEM.

  respond       load Swift's public PEM (and re-serialise it), wrap a fresh session key for it,
                open Swift's GCM body, seal a body of its own, and make a key pair of its own
  oaep-decrypt  decrypt an OAEP ciphertext with a given private PEM
"""
import json
import os
import sys

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

OAEP = padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None)


def respond(request):
    swift_key = serialization.load_pem_public_key(request["swift_public_pem"].encode())
    reserialised = swift_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    session_key = os.urandom(32)
    body = bytes.fromhex(request["swift_gcm_body"])
    opened = AESGCM(bytes.fromhex(request["swift_gcm_key"])).decrypt(body[:12], body[12:], None)
    nonce = os.urandom(12)
    plaintext = "Python says hi".encode()
    own_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return {
        "reserialised_swift_pem": reserialised.decode(),
        "swift_key_bits": swift_key.key_size,
        "session_key": session_key.hex(),
        "wrapped_for_swift": swift_key.encrypt(session_key, OAEP).hex(),
        "opened_swift_plaintext": opened.hex(),
        "python_gcm_plaintext": plaintext.hex(),
        "python_gcm_body": (nonce + AESGCM(session_key).encrypt(nonce, plaintext, None)).hex(),
        "python_public_pem": own_key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode(),
        "python_private_pem": own_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()).decode(),
    }


def oaep_decrypt(request):
    key = serialization.load_pem_private_key(request["private_pem"].encode(), password=None)
    return {"plaintext": key.decrypt(bytes.fromhex(request["ciphertext"]), OAEP).hex()}


if __name__ == "__main__":
    commands = {"respond": respond, "oaep-decrypt": oaep_decrypt}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        sys.exit("usage: interop.py respond|oaep-decrypt < request.json")
    json.dump(commands[sys.argv[1]](json.load(sys.stdin)), sys.stdout)
