/// `{{name}}` placeholders in lesson text, filled with live values from the run.
enum Placeholders {
  /// The names used in `markdown`, in order of first use.
  static func names(in markdown: String) -> [String] {
    var names: [String] = []
    scan(markdown) { name in
      if !names.contains(name) { names.append(name) }
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
  @discardableResult
  private static func scan(_ text: String, replacement: (String) -> String?) -> String {
    var output = ""
    var rest = text[...]
    while let open = rest.range(of: "{{") {
      output += rest[..<open.lowerBound]
      let afterOpen = rest[open.upperBound...]
      guard let close = afterOpen.range(of: "}}") else {
        rest = afterOpen
        output += "{{"
        continue
      }
      let name = String(afterOpen[..<close.lowerBound])
      let isName = !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
      if isName, let value = replacement(name) {
        output += value
      } else {
        output += rest[open.lowerBound..<close.upperBound]
      }
      rest = afterOpen[close.upperBound...]
    }
    return output + rest
  }
}
