import LearnchatWire

/// The forgiving reading of answers: what a learner may type or save for the same answer.
enum AnswerText {
  /// Text as typed or saved: surrounding spaces and line ends (`\n`, `\r\n`) removed.
  static func trimmed(_ text: String) -> String {
    text.trimming(where: \.isWhitespace)
  }

  /// The bytes written as hex in `text`: two digits a byte, in either case, with or without
  /// spaces, colons, dashes or a leading `0x`; nil when it is not whole bytes of hex.
  static func hexBytes(_ text: String) -> [UInt8]? {
    var cleaned = trimmed(text)
    if cleaned.lowercased().hasPrefix("0x") { cleaned.removeFirst(2) }
    cleaned = String(cleaned.filter { $0 != ":" && $0 != "-" })
    guard !cleaned.isEmpty else { return nil }
    return Hex.bytes(cleaned)
  }

  /// Every whole number in `text`, in order: `3: 12 32 45` gives 3, 12, 32, 45.
  static func numbers(_ text: String) -> [Int] {
    text.split { !$0.isNumber || !$0.isASCII }.compactMap { Int($0) }
  }

  /// Whether `text` spells exactly `expected` once trimmed.
  static func matches(_ text: String, _ expected: String) -> Bool {
    trimmed(text) == expected
  }
}

extension Submission {
  /// The answer as text: typed, or a file's contents as UTF-8; nil for a live run or a file
  /// that is not text.
  var text: String? {
    switch self {
    case .text(let text): return text
    case .file(_, let bytes): return String(validating: bytes, as: UTF8.self)
    case .live: return nil
    }
  }
}
