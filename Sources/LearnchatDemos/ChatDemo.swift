/// The three chats learnchat speaks, numbered as `--demo` and the lessons number them.
///
/// Printed, a demo is its number (`--demo \(demo)` reads `--demo 2`).
public enum ChatDemo: Int, Sendable, CaseIterable, CustomStringConvertible {
  /// Demo 1: raw UTF-8 bytes, no framing, nothing hidden (lesson 1).
  case demo1 = 1
  /// Demo 2: an RSA-OAEP-wrapped session key, then AES-256-GCM frames (lesson 2).
  case demo2 = 2
  /// Demo 3: a signed X25519 handshake, then counted AES-256-GCM frames (lesson 4).
  case demo3 = 3

  /// Whether its messages travel in length-prefixed frames (demos 2 and 3).
  public var isFramed: Bool { self != .demo1 }

  public var description: String { String(rawValue) }
}
