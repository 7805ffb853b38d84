/// `{{name}}` placeholders in lesson text, filled with live values from the run.
enum Placeholders {
  /// The names used in `markdown`, in order of first use.
  static func names(in markdown: String) -> [String] {
    var names: [String] = []
    var seen: Set<String> = []
    scan(markdown) { name in
      if seen.insert(name).inserted { names.append(name) }
      return nil
    }
    return names
  }

  /// `markdown` with each `{{name}}` replaced by `values[name]`; unknown names are left as
  /// written (the loader has already reported them).
  static func fill(_ markdown: String, with values: [String: String]) -> String {
    scan(markdown) { values[$0] }
  }

  /// Walks `text`, calling `replacement` for every `{{name}}` (name: letters, digits, `_`);
  /// returns the text with the replacements made where `replacement` gave one.
  ///
  /// One pass over the UTF-8 bytes, so a hostile lesson (a megabyte of `{{p1}}{{p2}}…`, or of
  /// `{` with no `}}`) takes linear time. Cutting at the ASCII braces keeps every piece valid
  /// UTF-8.
  @discardableResult
  private static func scan(_ text: String, replacement: (String) -> String?) -> String {
    let bytes = Array(text.utf8)
    var output = ""
    var copied = 0  // bytes before this offset are already in `output`, or were replaced
    var searchFrom = 0
    while let open = pair(UInt8(ascii: "{"), in: bytes, from: searchFrom) {
      // No `}}` after this `{{` means none after any later one: the rest is plain text.
      guard let close = pair(UInt8(ascii: "}"), in: bytes, from: open + 2) else { break }
      let name = String(decoding: bytes[(open + 2)..<close], as: UTF8.self)
      let isName = !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
      if isName, let value = replacement(name) {
        output += String(decoding: bytes[copied..<open], as: UTF8.self)
        output += value
        copied = close + 2
      }
      searchFrom = close + 2
    }
    return output + String(decoding: bytes[copied...], as: UTF8.self)
  }

  /// The offset of the first two consecutive `byte`s at or after `start`, if any.
  private static func pair(_ byte: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
    var index = start
    while index + 1 < bytes.count {
      if bytes[index] == byte && bytes[index + 1] == byte { return index }
      index += 1
    }
    return nil
  }
}
