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
      return "\(file): no demo is called `\(demo)`; available: \(available.joined(separator: ", "))"
    case .stageMismatch(let file, let unknown, let missing, let expected):
      var problems: [String] = []
      if !unknown.isEmpty { problems.append("unknown stage \(unknown.joined(separator: ", "))") }
      if !missing.isEmpty { problems.append("missing stage \(missing.joined(separator: ", "))") }
      return "\(file): \(problems.joined(separator: "; ")); its demo's stages are "
        + expected.joined(separator: ", ")
    case .unknownPlaceholder(let file, let stage, let name, let available):
      let list = available.isEmpty ? "none" : available.map { "{{\($0)}}" }.joined(separator: ", ")
      return "\(file): stage `\(stage)` uses {{\(name)}}, which it does not fill; it fills \(list)"
    }
  }
}
