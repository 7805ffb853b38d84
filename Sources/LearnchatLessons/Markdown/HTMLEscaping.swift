/// Escaping for HTML written from Markdown, as cmark's HTML renderer escapes.
enum HTMLEscaping {
  /// Text or an attribute value: `&`, `<`, `>` and `"` as entities.
  static func text(_ text: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for character in text.unicodeScalars {
      switch character {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      default: escaped.unicodeScalars.append(character)
      }
    }
    return escaped
  }

  /// A link or image destination for an `href` or `src`: empty when its scheme could run
  /// code or read files; otherwise percent-encoded outside the characters URLs keep as they
  /// are, with `&` and `'` as entities.
  static func safeHref(_ url: String) -> String {
    guard !isDangerous(url) else { return "" }
    var escaped = ""
    for byte in url.utf8 {
      switch byte {
      case UInt8(ascii: "&"): escaped += "&amp;"
      case UInt8(ascii: "'"): escaped += "&#x27;"
      case _ where keptInHref(byte): escaped.unicodeScalars.append(Unicode.Scalar(byte))
      default: escaped += "%" + hexDigits(byte)
      }
    }
    return escaped
  }

  /// Schemes a handout never links to: scripts, local files, and `data:` other than the
  /// four image types (cmark's rule).
  private static func isDangerous(_ url: String) -> Bool {
    let lower = url.lowercased()
    if lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") || lower.hasPrefix("file:") {
      return true
    }
    guard lower.hasPrefix("data:") else { return false }
    let images = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
    return !images.contains { lower.hasPrefix($0) }
  }

  /// Whether `byte` stands as it is in an `href`: letters, digits and URL punctuation.
  private static func keptInHref(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      return true
    default:
      return Array("-_.+!*(),%#@?=;:/$~[]".utf8).contains(byte)
    }
  }

  private static func hexDigits(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF".utf8)
    return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0xf)]], as: UTF8.self)
  }
}
