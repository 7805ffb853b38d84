import LearnchatTestSupport

/// Random Markdown documents for property tests, with the text a reader must find in them.
///
/// Words are drawn from a vocabulary that cmark reads as plain text (no character that could
/// start a list, heading, link or emphasis by accident) but that covers what lessons hold: long
/// hex strings, URLs, base64, PEM lines, wide characters and emoji. `fragments` lists, in
/// order, every piece of text the document shows (words, code lines, link destinations),
/// without whitespace: a renderer that keeps all the text shows each one, in this order. (Not
/// list numbers: two lists in a row are one list to cmark, numbered on.)
struct RandomMarkdown {
  private(set) var source = ""
  private(set) var fragments: [String] = []
  private var random: SeededRandom

  /// A document of 1 to 6 blocks from `seed`.
  init(seed: UInt64) {
    random = SeededRandom(seed: seed)
    let blocks = (0..<Int.random(in: 1...6, using: &random)).map { _ in block(depth: 0) }
    source = blocks.joined(separator: "\n")
  }

  private static let plainWords = [
    "the", "key", "nonce", "frame", "wire", "a", "of", "GCM", "RSA-OAEP", "Grüße", "漢字", "👋",
    "2048-bit", "0x2d", "server's", "(PEM)", "tag,", "bytes.", "x=1", "e.g.",
  ]

  private mutating func longWord() -> String {
    let hex = Array("0123456789abcdef")
    let base64 = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    switch Int.random(in: 0..<5, using: &random) {
    case 0:
      return String((0..<Int.random(in: 30...140, using: &random)).map { _ in random.pick(hex) })
    case 1:
      let parts = (0..<Int.random(in: 3...12, using: &random)).map { _ in
        random.pick(
          Self.plainWords.filter { $0.allSatisfy(\.isLetter) && $0.allSatisfy(\.isASCII) })
      }
      return "https://example.com/" + parts.joined(separator: "/")
    case 2:
      return String((0..<64).map { _ in random.pick(base64) })
    case 3:
      return String(repeating: "漢字", count: Int.random(in: 12...60, using: &random))
    default:
      return "x" + String((0..<Int.random(in: 20...200, using: &random)).map { _ in "ab" }.joined())
    }
  }

  private mutating func word() -> String {
    random.oneIn(8) ? longWord() : random.pick(Self.plainWords)
  }

  /// Inline text of a few words, some emphasised, strong, code, or links; its words are
  /// recorded as fragments.
  private mutating func inline() -> String {
    var parts: [String] = []
    for _ in 0..<Int.random(in: 1...14, using: &random) {
      let text = word()
      switch Int.random(in: 0..<10, using: &random) {
      case 0:
        parts.append("*\(text)*")
        fragments.append(text)
      case 1:
        parts.append("**\(text)**")
        fragments.append(text)
      case 2:
        let second = word()
        parts.append("`\(text) \(second)`")
        fragments += [text, second]
      case 3:
        let destination =
          "https://example.com/"
          + String(repeating: "p/", count: Int.random(in: 0...30, using: &random))
        parts.append("[\(text)](\(destination))")
        fragments += [text, "(" + destination + ")"]
      default:
        parts.append(text)
        fragments.append(text)
      }
    }
    return parts.joined(separator: " ")
  }

  private mutating func codeLine() -> String {
    let indent = String(repeating: " ", count: random.pick([0, 0, 2, 4, 8, 30]))
    var words: [String] = []
    for _ in 0..<Int.random(in: 0...16, using: &random) {
      words.append(
        random.pick([
          "openssl", "-in", "key.pem", "\\", "print(x.hex(\" \"))", "b\"Meet me\"", "|", "f[4:16]",
        ]))
      if random.oneIn(10) { words.append(longWord()) }
    }
    let line = indent + words.joined(separator: random.oneIn(5) ? "  " : " ")
    let fragment = line.filter { !$0.isWhitespace }
    if !fragment.isEmpty { fragments.append(fragment) }
    return line
  }

  private mutating func block(depth: Int) -> String {
    let kinds = depth < 3 ? 7 : 4
    switch Int.random(in: 0..<kinds, using: &random) {
    case 0:
      let level = Int.random(in: 1...6, using: &random)
      return String(repeating: "#", count: level) + " " + inline() + "\n"
    case 1:
      let lines = (0..<Int.random(in: 1...6, using: &random)).map { _ in codeLine() }
      return "```\n" + lines.joined(separator: "\n") + "\n```\n"
    case 2:
      let line =
        "<p>"
        + (0..<Int.random(in: 1...20, using: &random)).map { _ in word() }
        .joined(separator: " ") + "</p>"
      fragments += ["<div>", line.filter { !$0.isWhitespace }, "</div>"]
      return "<div>\n" + line + "\n</div>\n"
    case 3:
      return inline() + "\n"
    case 4:
      let children = (0..<Int.random(in: 1...3, using: &random)).map { _ in block(depth: depth + 1)
      }
      return children.joined(separator: "\n").split(
        separator: "\n", omittingEmptySubsequences: false
      )
      .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n") + "\n"
    case 5:
      let ordered = random.oneIn(2)
      let start = random.pick([1, 7, 98])
      var items: [String] = []
      for index in 0..<Int.random(in: 1...4, using: &random) {
        let marker = ordered ? "\(start + index). " : "- "
        let body = (0..<Int.random(in: 1...2, using: &random)).map { _ in block(depth: depth + 1) }
          .joined(separator: "\n")
        let pad = String(repeating: " ", count: marker.count)
        items.append(
          body.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            index, line in
            index == 0 ? marker + line : line.isEmpty ? "" : pad + line
          }.joined(separator: "\n"))
      }
      return items.joined(separator: "\n") + "\n"
    default:
      return "***\n"
    }
  }
}
