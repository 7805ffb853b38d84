/// The lines a chat prints on its console, in one place.
///
/// The two-terminal chat prints them, and the lessons' walkthroughs show the same lines for the
/// same events, so a student who runs `learnchat serve` after a lesson sees what the lesson
/// showed. The texts of demos 1 and 2 are the original Python programs' own.
public enum ChatLines {
  /// What the prompt shows before a typed line; the console shows a sent line after it.
  public static let prompt = "You: "
  /// Demo 1's line once connected.
  public static let plaintextReady = "I'm ready"
  /// Demo 2's line once the session key is shared.
  public static let demo2HandshakeComplete = "[*] Handshake complete: symmetric key established"
  /// Demo 3's line once both keys are derived.
  public static let demo3HandshakeComplete =
    "[*] Handshake complete: keys established for each direction"
  /// Demos 2 and 3, after the handshake line.
  public static let encryptedReady = "Ready (encrypted channel)"
  /// The peer sent `exit`.
  public static let peerExited = "[Peer exited]"
  /// The peer closed the connection without `exit`.
  public static let peerDisconnected = "[Peer disconnected]"

  /// The server, once listening on `host`:`port`.
  public static func listening(host: String, port: String) -> String {
    "[*] Listening on \(host):\(port) ..."
  }

  /// The server, once a client connected from `peer`, written as Python prints an address
  /// tuple: `('127.0.0.1', 50312)`.
  public static func connection(from peer: String) -> String {
    "[*] Connection from \(peer)"
  }

  /// The line a user typed and sent, as the console shows it after the prompt.
  public static func sent(_ text: String) -> String {
    prompt + text
  }

  /// A message from the peer, already made safe to print.
  public static func peer(_ text: String) -> String {
    "[Peer]: \(text)"
  }

  /// Demo 2: a frame that did not open; the chat goes on.
  public static func failedToDecrypt(_ reason: String) -> String {
    "[!] Failed to decrypt message (\(reason))"
  }

  /// A failure that ends the chat or the handshake, in words.
  public static func failure(_ reason: String) -> String {
    "[!] \(reason)"
  }

  /// Demo 3's server, at start: the fingerprint clients pin.
  public static func serverFingerprint(_ fingerprint: String) -> String {
    "[*] Server fingerprint: \(fingerprint)"
  }

  /// Demo 3's client, after a handshake with a server it had pinned.
  public static func identityMatches(_ fingerprint: String) -> String {
    "[*] Server identity matches the pinned \(fingerprint)"
  }
}
