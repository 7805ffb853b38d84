#!/usr/bin/env python3
"""Re-creation of the ORIGINAL Python teaching chat scripts ("01 Messenger (only payload)" and
"02 Messenger (Handshaking)"), rebuilt from their byte-level description in protocol.md.

It is an interoperability PEER for learnchat's tests: it deliberately keeps the originals' wire
format and console lines (and their weaknesses: no bound on frame length, unauthenticated RSA key,
one key for both directions). Do not use it as an example of good protocol design.

Usage:
  python3 original_chat.py server [--demo 1|2] [--port N] [--host H]
  python3 original_chat.py client HOST [--port N] [--demo 1|2] [--send-raw HEX]

Deviations from the originals, all so that tests end cleanly instead of hanging or crashing:
  * End of stdin (EOFError) behaves like typing `exit` (the originals crash with EOFError).
  * When the receive loop ends, the process exits (the originals keep waiting on input()).
  * The 4-byte frame length is read with a read-exactly loop (the originals use one recv(4),
    which may return fewer than 4 bytes).
  * Port 0 is allowed; the listening line shows the ACTUAL bound host:port so a test can parse it.
  * --send-raw HEX is a test-only client mode (see below).
"""
import argparse
import os
import socket
import struct
import sys
import threading

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

OAEP = padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None)


def say(*args):
    # Tests read stdout through a pipe, which Python would otherwise block-buffer.
    print(*args, flush=True)


# ---------------------------------------------------------------- framing (demo 2)

def recv_exact(sock, n):
    """Return exactly n bytes, or None if the peer closed first."""
    buf = bytearray()
    while len(buf) < n:
        # Bounded chunks: a hostile length must not make one recv() allocate gigabytes up front.
        chunk = sock.recv(min(n - len(buf), 65536))
        if not chunk:
            return None
        buf += chunk
    return bytes(buf)


def send_frame(sock, body):
    sock.sendall(struct.pack(">I", len(body)) + body)


def recv_frame(sock):
    # Deviation: the original reads the header with a single recv(4). Like the original, there
    # is NO upper bound on the length: a hostile `ff ff ff ff` makes us try to read 4 GiB.
    header = recv_exact(sock, 4)
    if header is None:
        return None
    return recv_exact(sock, struct.unpack(">I", header)[0])


# ---------------------------------------------------------------- handshake (demo 2)

def server_handshake(conn):
    # As the original: the ephemeral key pair is generated only after a client connected.
    private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private_key.public_key().public_bytes(
        encoding=serialization.Encoding.PEM,
        format=serialization.PublicFormat.SubjectPublicKeyInfo)
    send_frame(conn, pem)
    encrypted_key = recv_frame(conn)
    if encrypted_key is None:
        raise ConnectionError("peer closed during handshake")
    # A bad ciphertext raises here and kills the process, as in the original.
    return private_key.decrypt(encrypted_key, OAEP)


def client_handshake(sock):
    pem = recv_frame(sock)
    if pem is None:
        raise ConnectionError("peer closed during handshake")
    public_key = serialization.load_pem_public_key(pem)
    key = os.urandom(32)
    send_frame(sock, public_key.encrypt(key, OAEP))
    return key


# ---------------------------------------------------------------- chat

def encode_message(key, text):
    data = text.encode("utf-8")
    if key is None:
        return data                       # demo 1: raw bytes, no framing, no terminator
    nonce = os.urandom(12)
    # A new AESGCM object per message, as the original; same key in both directions.
    body = nonce + AESGCM(key).encrypt(nonce, data, None)
    return struct.pack(">I", len(body)) + body


def receive_loop(sock, key):
    while True:
        try:
            if key is None:
                data = sock.recv(4096)    # demo 1: whatever one recv returns is "one message"
            else:
                data = recv_frame(sock)
        except ConnectionError:
            data = None
        except OSError:
            break                         # our own socket was closed by the main thread
        if not data:
            say("[Peer disconnected]")
            break
        if key is None:
            # The original uses .decode(); replace keeps a split UTF-8 sequence from killing the thread.
            text = data.decode("utf-8", errors="replace")
        else:
            try:
                text = AESGCM(key).decrypt(data[:12], data[12:], None).decode("utf-8")
            except Exception:             # InvalidTag, short body, bad UTF-8: the chat goes on
                say("[!] Failed to decrypt message")
                continue
        if text.strip().lower() == "exit":
            say("[Peer exited]")
            break
        say(f"[Peer]: {text}")
    # Deviation: end the process so tests don't hang on input().
    sys.stdout.flush()
    os._exit(0)


def chat(sock, key):
    threading.Thread(target=receive_loop, args=(sock, key), daemon=True).start()
    while True:
        try:
            line = input("You: ")         # input() flushes its prompt to stdout
        except EOFError:
            line = "exit"                 # deviation: end of stdin acts like typing `exit`
        line = line.strip()
        if not line:
            continue
        try:
            sock.sendall(encode_message(key, line))
        except OSError:
            break
        if line == "exit":
            break
    sock.close()
    sys.stdout.flush()
    os._exit(0)


def ready(sock, demo, handshake):
    if demo == 1:
        say("I'm ready")
        return None
    key = handshake(sock)
    say("[*] Handshake complete: symmetric key established")
    say("Ready (encrypted channel)")
    return key


# ---------------------------------------------------------------- entry points

def run_server(args):
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind((args.host, args.port))
    srv.listen(1)
    host, port = srv.getsockname()
    say(f"[*] Listening on {host}:{port} ...")
    conn, addr = srv.accept()             # one client, then the listener is done
    srv.close()
    say(f"[*] Connection from {addr}")
    chat(conn, ready(conn, args.demo, server_handshake))


def run_client(args):
    sock = socket.create_connection((args.host, args.port))
    if args.send_raw is not None:
        send_raw(sock, bytes.fromhex(args.send_raw))
    chat(sock, ready(sock, args.demo, client_handshake))


def send_raw(sock, payload):
    """Test-only hostile peer: send bytes verbatim (no handshake), then wait for the server to
    hang up (or 10 s) so a test can observe how the server treats them."""
    sock.sendall(payload)
    sock.settimeout(10)
    try:
        while sock.recv(65536):           # drain whatever the server sends (e.g. its PEM frame)
            pass
        say("[raw] peer closed")
    except socket.timeout:
        say("[raw] timeout")
    except OSError:                       # a reset also means the server dropped us
        say("[raw] peer closed")
    sock.close()
    sys.exit(0)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("mode", choices=["server", "client"])
    p.add_argument("host", nargs="?", help="server address (client mode)")
    p.add_argument("--host", dest="bind", default="0.0.0.0", help="bind address (server mode)")
    p.add_argument("--port", type=int, default=5002)
    p.add_argument("--demo", type=int, choices=[1, 2], default=1)
    p.add_argument("--send-raw", metavar="HEX", help="client: send these bytes instead of chatting")
    args = p.parse_args()
    if args.mode == "server":
        args.host = args.bind
        run_server(args)
    else:
        if not args.host:
            p.error("client mode needs HOST")
        run_client(args)


if __name__ == "__main__":
    main()
