/// What an exercise hands the learner, made from a seed.
public struct ExerciseMaterial: Sendable {
  /// The files written to the exercise's folder.
  public var files: [Artifact]
  /// Values for the exercise text's `{{placeholders}}`.
  public var values: [String: String]
  /// The expected answer, as `exercise N --answer` prints it for the instructor.
  public var answer: String

  /// Material of `files`, filling `values`, expecting `answer`.
  public init(files: [Artifact], values: [String: String], answer: String) {
    self.files = files
    self.values = values
    self.answer = answer
  }
}
