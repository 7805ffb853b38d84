#!/usr/bin/env python3
"""Solves learnchat's exercises from their material, as a learner would: from the files in the
exercise's folder and the values the task printed, with Python's `cryptography` and `openssl`.

Each subcommand prints one JSON object: "answer", the answer it found, and "wrong", answers a
learner could plausibly get wrong, each named by the mistake (derived from the material too,
never from learnchat's own code).

Usage: solve.py EXERCISE FOLDER [VALUES...]
"""
import base64
import hashlib
import json
import os
import struct
import subprocess
import sys

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def transcript(folder):
    with open(os.path.join(folder, "transcript.json")) as file:
        return json.load(file)


def calls(connection):
    return [(c["end"], c["call"], bytes.fromhex(c["hex"])) for c in connection["calls"]]


def frames_in_order(connection):
    """Every frame of a connection as (sender, body), in the order they were completed, from
    one tapped end's sends and recvs: a recv may hold part of a frame or several."""
    buffers = {"client": b"", "server": b""}
    frames = []
    for end, call, data in calls(connection):
        # What an end sends comes from it; what it receives comes from the other end.
        sender = end if call == "send" else ("server" if end == "client" else "client")
        buffers[sender] += data
        while len(buffers[sender]) >= 4:
            length = struct.unpack(">I", buffers[sender][:4])[0]
            if length > 1 << 20 or len(buffers[sender]) < 4 + length:
                break
            frames.append((sender, buffers[sender][4 : 4 + length]))
            buffers[sender] = buffers[sender][4 + length :]
    return frames


def fingerprint(key):
    return "SHA256:" + base64.b64encode(hashlib.sha256(key).digest()).decode().rstrip("=")


def glued(folder):
    connection = transcript(folder)["connections"][0]
    sends = [data for end, call, data in calls(connection) if end == "client" and call == "send"]
    longest_send = max(len(data) for data in sends)
    consumed = 0
    for end, call, data in calls(connection):
        if end != "server" or call != "recv":
            continue
        if len(data) > longest_send:
            break
        consumed += len(data)
    # The read covers bytes consumed..consumed+len(data) of the client's send stream.
    ends, position = [], 0
    for send in sends:
        position += len(send)
        if consumed < position <= consumed + len(data):
            ends.append(position - consumed)
    lengths = [ends[0]] + [b - a for a, b in zip(ends, ends[1:])]
    show = lambda numbers: f"{len(numbers)}: " + " ".join(map(str, numbers))
    return {
        "answer": show(ends),
        "wrong": {
            "lengths": show(lengths),
            "last-byte": show([e - 1 for e in ends]),
            "from-start": show([e + consumed for e in ends]),
            "count": show(ends[:-1]),
        },
    }


def frame_length(folder, number):
    frames = frames_in_order(transcript(folder)["connections"][0])
    body = frames[int(number) - 1][1]
    prefix = struct.pack(">I", len(body))
    wrong = {
        "body": len(body),
        "frame": len(body) + 4,
        "with-tag": len(body) - 12,
        "with-nonce": len(body) - 16,
        "little-endian": struct.unpack("<I", prefix)[0],
    }
    # Another message's text length, one that is not also one of the mistakes above.
    taken = set(wrong.values()) | {len(body) - 28}
    others = [len(b) - 28 for i, (_, b) in enumerate(frames[2:], start=2)
              if i != int(number) - 1 and len(b) - 28 not in taken]
    if others:
        wrong["other-frame"] = others[0]
    return {"answer": str(len(body) - 28), "wrong": {k: str(v) for k, v in wrong.items()}}


def unwrap(folder, frames):
    wrapped = os.path.join(folder, "wrapped.bin")
    with open(wrapped, "wb") as file:
        file.write(frames[1][1])
    return subprocess.run(
        ["openssl", "pkeyutl", "-decrypt", "-inkey", os.path.join(folder, "server-private-key.pem"),
         "-pkeyopt", "rsa_padding_mode:oaep", "-pkeyopt", "rsa_oaep_md:sha256",
         "-pkeyopt", "rsa_mgf1_md:sha256", "-in", wrapped],
        check=True, capture_output=True).stdout


def decrypt(folder, number):
    frames = frames_in_order(transcript(folder)["connections"][0])
    key = unwrap(folder, frames)
    texts = [AESGCM(key).decrypt(b[:12], b[12:], None).decode() for _, b in frames[2:]]
    asked = texts[int(number) - 3]
    other = next(t for t in texts if t != asked)
    return {
        "answer": asked,
        "wrong": {
            "session-key": key.hex(" "),
            "other-frame": other,
            "hex": asked.encode().hex(),
            "wrapped-key": frames[1][1].hex(),
        },
    }


def build(folder, text, nonce_hex):
    key = open(os.path.join(folder, "session-key.bin"), "rb").read()
    nonce = bytes.fromhex(nonce_hex)
    sealed = AESGCM(key).encrypt(nonce, text.encode(), None)
    body = nonce + sealed
    frame = struct.pack(">I", len(body)) + body
    variants = {
        "frame": frame,
        "no-prefix": body,
        "prefix-counts-itself": struct.pack(">I", len(frame)) + body,
        "little-endian": struct.pack("<I", len(body)) + body,
        "no-tag": struct.pack(">I", len(body) - 16) + body[:-16],
        "line-end": (lambda b: struct.pack(">I", len(b)) + b)(
            nonce + AESGCM(key).encrypt(nonce, (text + "\n").encode(), None)),
        "other-nonce": (lambda n: (lambda b: struct.pack(">I", len(b)) + b)(
            n + AESGCM(key).encrypt(n, text.encode(), None)))(bytes(12)),
        "other-key": (lambda b: struct.pack(">I", len(b)) + b)(
            nonce + AESGCM(bytes(32)).encrypt(nonce, text.encode(), None)),
    }
    paths = {}
    for name, data in variants.items():
        path = os.path.join(folder, name + ".bin")
        with open(path, "wb") as file:
            file.write(data)
        paths[name] = path
    return {"answer": paths.pop("frame"), "wrong": paths, "hex": frame.hex(":").upper()}


def nonce_reuse(folder):
    frames = [open(os.path.join(folder, f"frame-{n}.bin"), "rb").read() for n in (1, 2)]
    known = open(os.path.join(folder, "known.txt"), "rb").read()
    assert frames[0][4:16] == frames[1][4:16], "the nonces differ"
    c1, c2 = (f[16:-16] for f in frames)
    xor = bytes(a ^ b for a, b in zip(c1, c2))
    secret = bytes(a ^ b for a, b in zip(xor, known)).decode()
    return {
        "answer": secret,
        "wrong": {
            "xor": xor.hex(" "),
            "known": known.decode(),
            "hex": secret.encode().hex(),
            "start": secret[: len(secret) // 2],
        },
    }


def verify_handshakes(folder):
    """Per connection: (ClientHello body, ServerHello body, whether the signature verifies)."""
    results = []
    for connection in transcript(folder)["connections"]:
        frames = frames_in_order(connection)
        hello_c = next(b for s, b in frames if s == "client")
        hello_s = next(b for s, b in frames if s == "server")
        identity, ephemeral, signature = hello_s[:32], hello_s[32:64], hello_s[64:]
        try:
            Ed25519PublicKey.from_public_bytes(identity).verify(
                signature, b"learnchat demo 3 handshake" + hello_c + identity + ephemeral)
            valid = True
        except InvalidSignature:
            valid = False
        results.append((hello_c, hello_s, valid))
    return results


def forged(folder):
    results = verify_handshakes(folder)
    bad = [n + 1 for n, (_, _, valid) in enumerate(results) if not valid]
    assert len(bad) == 1, f"connections whose signature fails: {bad}"
    identity = results[0][1][:32]
    good = next(n + 1 for n, (_, _, valid) in enumerate(results) if valid)
    der = bytes.fromhex("302a300506032b6570032100") + identity
    return {
        "answer": f"{bad[0]} {fingerprint(identity)}",
        "wrong": {
            "connection": f"{good} {fingerprint(identity)}",
            "hex": f"{bad[0]} SHA256:" + hashlib.sha256(identity).hexdigest(),
            "der": f"{bad[0]} {fingerprint(der)}",
            "ephemeral": f"{bad[0]} {fingerprint(results[0][1][32:64])}",
            "padded": f"{bad[0]} SHA256:" + base64.b64encode(hashlib.sha256(identity).digest()).decode(),
        },
    }


def opens(key, body, number, prefix):
    nonce = bytes(4) + number.to_bytes(8, "big")
    try:
        AESGCM(key).decrypt(nonce, body, prefix)
        return True
    except InvalidTag:
        return False


def failed_chat(folder):
    connections = transcript(folder)["connections"]
    keys = json.load(open(os.path.join(folder, "server-keys.json")))
    c2s = bytes.fromhex(keys["client_to_server"])
    pinned = open(os.path.join(folder, "known_servers")).read().split()[1]
    front, back = (frames_in_order(c) for c in connections)
    client_sent = [b for s, b in front if s == "client"]
    client_got = [b for s, b in front if s == "server"]
    hello_c, server_hello = client_sent[0], client_got[0]
    identity, ephemeral, signature = server_hello[:32], server_hello[32:64], server_hello[64:]
    try:
        Ed25519PublicKey.from_public_bytes(identity).verify(
            signature, b"learnchat demo 3 handshake" + hello_c + identity + ephemeral)
        signed = True
    except InvalidSignature:
        signed = False
    if fingerprint(identity) != pinned or not signed:
        return "mitm"
    messages = client_sent[1:]
    # Anything the client got after the ServerHello that opens with its own key is its own.
    for body in client_got[1:]:
        if any(opens(c2s, body, n, struct.pack(">I", len(body))) for n in range(len(messages))):
            return "reflection"
    # What the server read after the ClientHello, as raw bytes: lengths may be lies.
    raw = b"".join(bytes.fromhex(c["hex"]) for c in connections[1]["calls"]
                   if c["end"] == "server" and c["call"] == "recv")[4 + 32:]
    position = 0
    while position + 4 <= len(raw):
        length = struct.unpack(">I", raw[position : position + 4])[0]
        if length > 1 << 20:
            return "oversized-length"
        position += 4 + length
    got = [b for s, b in back if s == "client"][1:]
    numbers = []
    for body in got:
        prefix = struct.pack(">I", len(body))
        match = [n for n in range(len(messages)) if opens(c2s, body, n, prefix)]
        if match:
            numbers.append(match[0])
            continue
        first = messages[0]
        if len(body) == len(first) + 1 and body[:-1] == first:
            return "tamper-length"
        if len(body) == len(first) and sum(bin(a ^ b).count("1") for a, b in zip(body, first)) == 1:
            return "tamper-bit"
    # Frames that opened, in the order the server read them; anything after the first is where
    # the server hung up.
    if raw and struct.unpack(">I", raw[:4])[0] == len(messages[0]) + 1:
        return "tamper-length"
    if numbers[:2] == [0, 0]:
        return "replay"
    if numbers[:2] == [0, 2]:
        return "drop"
    if numbers and numbers[0] == 1:
        return "reorder"
    raise SystemExit(f"cannot tell: the server's frames opened as {numbers}")


def main():
    exercise, folder, *values = sys.argv[1:]
    solvers = {
        "2": lambda: glued(folder),
        "3": lambda: frame_length(folder, *values),
        "4": lambda: decrypt(folder, *values),
        "5": lambda: build(folder, *values),
        "8": lambda: nonce_reuse(folder),
        "10": lambda: forged(folder),
        "11": lambda: {"answer": failed_chat(folder), "wrong": {}},
    }
    print(json.dumps(solvers[exercise]()))


main()
