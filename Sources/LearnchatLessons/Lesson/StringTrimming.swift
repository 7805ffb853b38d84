extension StringProtocol {
  /// The text without the characters at either end for which `isTrimmed` holds.
  func trimming(where isTrimmed: (Character) -> Bool) -> String {
    guard let first = firstIndex(where: { !isTrimmed($0) }),
      let last = lastIndex(where: { !isTrimmed($0) })
    else { return "" }
    return String(self[first...last])
  }

  /// The text without spaces and tabs at either end.
  func trimmingSpaces() -> String {
    trimming { $0 == " " || $0 == "\t" }
  }

  /// The text without white space (Unicode's, tabs included, line breaks not) at either end.
  func trimmingWhiteSpace() -> String {
    trimming { $0.isWhitespace && !$0.isNewline }
  }
}
