/// One kind of exercise: makes its material from a seed and judges answers against it.
///
/// An exercise file names its checker (`<!-- checker: NAME -->`); the file holds the words,
/// the checker the bytes and the judgement. Making the material is deterministic: the same
/// seed gives the same files and the same expected answer, so `check` makes the material
/// again instead of storing answers.
public protocol ExerciseChecker: Sendable {
  /// The name exercise files give in their `checker` marker.
  static var name: String { get }
  /// The `{{placeholders}}` the material fills for the exercise's text.
  static var placeholders: [String] { get }
  /// How an answer is handed in.
  static var submission: SubmissionKind { get }

  /// Makes the material of the exercise from `seed`.
  init(seed: ExerciseSeed) throws

  /// The files, the values for the text, and the expected answer.
  var material: ExerciseMaterial { get }

  /// Judges `submission`; `say` prints progress lines during a live run.
  func check(_ submission: Submission, say: @escaping @Sendable (String) -> Void) throws
    -> CheckResult
}

/// Every checker learnchat has, by name.
public enum ExerciseCheckers {
  /// Every checker type.
  public static let all: [any ExerciseChecker.Type] = [
    PlaintextCaptureExercise.self, GluedReadExercise.self, FrameLengthExercise.self,
    DecryptFrameExercise.self, BuildFrameExercise.self, ReplayLiveExercise.self,
    ReflectionLiveExercise.self, NonceReuseExercise.self, ManInTheMiddleExercise.self,
    FingerprintExercise.self, FailedChatExercise.self,
  ]

  /// The checker called `name`, if there is one.
  public static func named(_ name: String) -> (any ExerciseChecker.Type)? {
    all.first { $0.name == name }
  }

  /// Placeholders every exercise text may use, whatever its checker.
  static let common = ["dir", "number"]
}
