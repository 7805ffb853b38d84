/// The console rules the original demos follow for what a user types and what a peer sends.
public enum ChatText {
  /// The word that ends a chat, sent like any message and recognised on both sides.
  public static let exitCommand = "exit"

  /// What is sent for a typed line: surrounding whitespace removed; nil for a line that is
  /// empty after that (the originals skip such lines).
  public static func outgoing(_ line: String) -> String? {
    let trimmed = line.trimmingWhitespace()
    return trimmed.isEmpty ? nil : trimmed
  }

  /// Whether a received text ends the chat: stripped and lower-cased, it is `exit`.
  public static func isExit(_ text: String) -> Bool {
    text.trimmingWhitespace().lowercased() == exitCommand
  }

  /// A peer's bytes made safe to print: invalid UTF-8 becomes U+FFFD, and control characters
  /// (escape, carriage return, backspace, ...) are shown as `\x1b`-style escapes so a peer
  /// cannot clear the screen, move the cursor or fake lines.
  public static func displayable(_ bytes: [UInt8]) -> String {
    var shown = ""
    for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
      if scalar.value < 0x20 || (0x7f...0x9f).contains(scalar.value) {
        // Every scalar escaped here is below 0xa0, so two hex digits always suffice.
        let hex = String(scalar.value, radix: 16)
        shown += "\\x" + (hex.count == 1 ? "0" : "") + hex
      } else {
        shown.unicodeScalars.append(scalar)
      }
    }
    return shown
  }
}

extension String {
  /// The string without leading and trailing whitespace and newlines, as Python's `strip()`.
  func trimmingWhitespace() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
