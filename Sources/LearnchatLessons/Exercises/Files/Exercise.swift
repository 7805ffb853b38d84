/// An exercise ready to hand out: its number, its file's text, and the checker that makes its
/// material and judges its answers.
public struct Exercise: Sendable {
  /// The number in its file name (`03-frame-length.md` is exercise 3).
  public let number: Int
  /// The file name, for messages.
  public let fileName: String
  /// The file, split into parts.
  public let text: ExerciseText
  /// The checker the file names.
  public let checker: any ExerciseChecker.Type

  /// Checks `text` against its checker: the checker exists and fills every placeholder used.
  public init(number: Int, fileName: String, text: ExerciseText) throws(ExerciseError) {
    guard let checker = ExerciseCheckers.named(text.checker) else {
      throw .unknownChecker(
        file: fileName, checker: text.checker, available: ExerciseCheckers.all.map { $0.name })
    }
    let available = checker.placeholders + ExerciseCheckers.common
    for document in text.documents {
      if let name = document.placeholderNames.first(where: { !available.contains($0) }) {
        throw .unknownPlaceholder(file: fileName, name: name, available: available)
      }
    }
    self.number = number
    self.fileName = fileName
    self.text = text
    self.checker = checker
  }

  /// The seed `text` for this exercise.
  public func seed(_ text: String) -> ExerciseSeed {
    ExerciseSeed(text: text, exercise: number, checker: checker.name)
  }

  /// The exercise's material made from `seed`.
  public func make(seed text: String) throws -> any ExerciseChecker {
    try checker.init(seed: seed(text))
  }

  /// `document` with the material's values (when given), the folder and the number filled
  /// in as text in the tree: a value never changes the markup around it.
  public func filling(
    _ document: MarkdownDocument, material: ExerciseMaterial?, folder: String
  ) -> MarkdownDocument {
    let common = ["dir": folder, "number": String(number)]
    return document.filling((material?.values ?? [:]).merging(common) { $1 })
  }

  /// The command that shows the lesson stage the exercise follows.
  public var rereadCommand: String {
    Self.rereadCommand(lesson: text.lesson, stage: text.stage)
  }

  /// The command that shows stage `stage` of lesson `lesson`.
  public static func rereadCommand(lesson: Int, stage: String) -> String {
    "learnchat lesson \(lesson) --from \(stage) --to \(stage)"
  }
}
