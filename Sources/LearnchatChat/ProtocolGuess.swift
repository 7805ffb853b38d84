import LearnchatDemos
import LearnchatWire

/// What the first bytes from a peer look like, when they are not the protocol expected: a
/// learner who runs the client with one `--demo` and the server with another gets told which.
public enum ProtocolGuess {
  /// A description of `bytes` (the start of what arrived), and the demo it belongs to.
  public struct Guess: Equatable, Sendable {
    /// Such as `a PEM public key, as a demo-2 server sends first`.
    public let looksLike: String
    /// The demo that sends such bytes.
    public let demo: ChatDemo
  }

  /// The guess for `bytes`, or nil when they look like nothing in particular.
  public static func guess(_ bytes: [UInt8]) -> Guess? {
    guard let first = bytes.first else { return nil }
    if let length = FrameDecoder.parseLength(bytes) {
      let body = bytes.dropFirst(FrameDecoder.headerSize)
      if body.starts(with: Array("-----BEGIN PUBLIC KEY-----".utf8)) {
        return Guess(looksLike: "a PEM public key, as a demo-2 server sends first", demo: .demo2)
      }
      if first == 0 {
        switch length {
        case 32: return Guess(looksLike: "a 32-byte frame, like demo 3's ClientHello", demo: .demo3)
        case 128:
          return Guess(looksLike: "a 128-byte frame, like demo 3's ServerHello", demo: .demo3)
        case 256:
          return Guess(
            looksLike: "a 256-byte frame, like demo 2's wrapped session key", demo: .demo2)
        default: break
        }
      }
    }
    if let text = printableText(bytes) {
      return Guess(
        looksLike: "text (\"\(text)\"), as a demo-1 (plaintext) peer sends", demo: .demo1)
    }
    return nil
  }

  /// The start of `bytes` as text when they read as typed text: printable UTF-8, no NUL.
  static func printableText(_ bytes: [UInt8]) -> String? {
    let start = Array(bytes.prefix(24))
    guard
      let text = String(validating: start, as: UTF8.self) ?? String(
        validating: start.dropLast(), as: UTF8.self)
        ?? String(validating: start.dropLast(2), as: UTF8.self),
      !text.isEmpty,
      text.unicodeScalars.allSatisfy({
        $0.value >= 0x20 && $0.value != 0x7F || $0 == "\n" || $0 == "\r"
      })
    else { return nil }
    let shown = text.replacing("\n", with: "\\n").replacing("\r", with: "\\r")
    return bytes.count > start.count ? shown + "…" : shown
  }

  /// One clause for a handshake failure: what arrived, and the `--demo` to try, when the bytes
  /// `received` look like another demo than `demo`.
  public static func hint(received: [UInt8], demo: ChatDemo, peer: String) -> String? {
    guard let guess = guess(received), guess.demo != demo else { return nil }
    return "the \(peer) sent \(guess.looksLike): is it running --demo \(guess.demo)? "
      + "(this side runs --demo \(demo))"
  }
}
