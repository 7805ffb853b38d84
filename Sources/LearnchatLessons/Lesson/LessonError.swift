/// Problems with lesson files and lesson choices, each a one-line message for the user.
public enum LessonError: Error, Equatable, CustomStringConvertible {
  /// No lesson has this number.
  case noSuchLesson(number: Int, available: [Int])
  /// The lessons folder cannot be read.
  case unreadableFolder(path: String, reason: String)
  /// A lesson file cannot be read.
  case unreadableFile(path: String, reason: String)
  /// A lesson file's structure is wrong.
  case malformed(file: String, reason: String)
  /// A lesson file names a demo learnchat does not have.
  case unknownDemo(file: String, demo: String, available: [String])
  /// A lesson file's stages do not match its demo's.
  case stageMismatch(file: String, unknown: [String], missing: [String], expected: [String])
  /// A lesson file uses a placeholder its stage does not fill.
  case unknownPlaceholder(file: String, stage: String, name: String, available: [String])

  public var description: String {
    switch self {
    case .noSuchLesson(let number, let available):
      let list = available.map(String.init).joined(separator: ", ")
      return "there is no lesson \(number); available: \(list.isEmpty ? "none" : list)"
    case .unreadableFolder(let path, let reason):
      return "cannot read the lessons folder \(path): \(reason)"
    case .unreadableFile(let path, let reason):
      return "cannot read the lesson file \(path): \(reason)"
    case .malformed(let file, let reason):
      return "\(file): \(reason)"
    case .unknownDemo(let file, let demo, let available):
      return
        "\(file): no demo is called `\(Self.excerpt(demo))`; available: \(available.joined(separator: ", "))"
    case .stageMismatch(let file, let unknown, let missing, let expected):
      var problems: [String] = []
      if !unknown.isEmpty { problems.append("unknown stage \(Self.list(unknown))") }
      // Missing stages are the demo's own, a handful, all named.
      if !missing.isEmpty { problems.append("missing stage \(missing.joined(separator: ", "))") }
      return "\(file): \(problems.joined(separator: "; ")); its demo's stages are "
        + expected.joined(separator: ", ")
    case .unknownPlaceholder(let file, let stage, let name, let available):
      let list = available.isEmpty ? "none" : available.map { "{{\($0)}}" }.joined(separator: ", ")
      return
        "\(file): stage `\(stage)` uses {{\(Self.excerpt(name))}}, which it does not fill; it fills \(list)"
    }
  }

  /// At most this many names of a list from a file are shown; the rest are counted.
  static let listedNames = 3

  /// `names` from a lesson file for a message: the first few, then how many more, so a file
  /// with thousands of stray stages still gets a one-line error (`s1, s2, s3 and 4,997 more`).
  static func list(_ names: [String]) -> String {
    let shown = names.prefix(listedNames).map { excerpt($0) }.joined(separator: ", ")
    let more = names.count - listedNames
    return more > 0 ? "\(shown) and \(groupingThousands(more)) more" : shown
  }

  /// The longest excerpt of a lesson file's text a message shows, in characters.
  static let excerptLength = 60

  /// Text from a lesson file, made fit for a one-line message: control characters (line breaks
  /// included) shown as `\u{…}` escapes, and anything past `excerptLength` characters cut
  /// off with `…`.
  static func excerpt(_ text: String) -> String {
    var result = ""
    for (count, character) in text.enumerated() {
      guard count < excerptLength else { return result + "…" }
      if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
        scalar.properties.generalCategory == .control
      {
        result += "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        result.append(character)
      }
    }
    return result
  }

  /// `number` with commas between groups of three digits: 4997 is `4,997`.
  static func groupingThousands(_ number: Int) -> String {
    var digits = String(number.magnitude)
    var groups: [Substring] = []
    while digits.count > 3 {
      groups.insert(digits.suffix(3), at: 0)
      digits.removeLast(3)
    }
    groups.insert(Substring(digits), at: 0)
    return (number < 0 ? "-" : "") + groups.joined(separator: ",")
  }
}
