/// Problems with exercise files and exercise choices, each a one-line message for the user.
public enum ExerciseError: Error, Equatable, CustomStringConvertible {
  /// No exercise has this number.
  case noSuchExercise(number: Int, available: [Int])
  /// The exercises folder cannot be read.
  case unreadableFolder(path: String, reason: String)
  /// An exercise file cannot be read.
  case unreadableFile(path: String, reason: String)
  /// An exercise file's structure is wrong.
  case malformed(file: String, reason: String)
  /// An exercise file names a checker learnchat does not have.
  case unknownChecker(file: String, checker: String, available: [String])
  /// An exercise file uses a placeholder its checker does not fill.
  case unknownPlaceholder(file: String, name: String, available: [String])

  public var description: String {
    switch self {
    case .noSuchExercise(let number, let available):
      let list = available.map(String.init).joined(separator: ", ")
      return "there is no exercise \(number); available: \(list.isEmpty ? "none" : list)"
    case .unreadableFolder(let path, let reason):
      return "cannot read the exercises folder \(path): \(reason)"
    case .unreadableFile(let path, let reason):
      return "cannot read the exercise file \(path): \(reason)"
    case .malformed(let file, let reason):
      return "\(file): \(reason)"
    case .unknownChecker(let file, let checker, let available):
      return "\(file): no checker is called `\(LessonError.excerpt(checker))`; available: "
        + available.joined(separator: ", ")
    case .unknownPlaceholder(let file, let name, let available):
      let list = available.map { "{{\($0)}}" }.joined(separator: ", ")
      return
        "\(file): {{\(LessonError.excerpt(name))}} is not filled by its checker; it fills \(list)"
    }
  }
}
