/// What `check` decided about one answer.
public struct CheckResult: Sendable, Equatable {
  /// Whether the answer is right.
  public let isRight: Bool
  /// Whether a right answer finishes the exercise; false for a step on the way (a live run
  /// whose result the learner must then give).
  public var completes = true
  /// What was found, in a sentence or two; on a miss, what the wrong answer *is* where the
  /// checker can tell, never the expected answer.
  public let message: String
  /// Lines of evidence: what the victims printed, which frames they accepted.
  public let evidence: [String]
  /// On a miss, the lesson stage that explains the mistake made, when it is not the one the
  /// exercise follows (`lesson`, `stage`).
  public let reread: (lesson: Int, stage: String)?

  /// A right answer, explained by `message`.
  public static func right(_ message: String, evidence: [String] = []) -> CheckResult {
    CheckResult(isRight: true, message: message, evidence: evidence, reread: nil)
  }

  /// A step done right on the way to the answer: `message` says what comes next.
  public static func stepDone(_ message: String, evidence: [String] = []) -> CheckResult {
    var result = CheckResult(isRight: true, message: message, evidence: evidence, reread: nil)
    result.completes = false
    return result
  }

  /// A wrong answer, and what is wrong with it.
  public static func notYet(
    _ message: String, evidence: [String] = [], reread: (lesson: Int, stage: String)? = nil
  ) -> CheckResult {
    CheckResult(isRight: false, message: message, evidence: evidence, reread: reread)
  }

  public static func == (lhs: CheckResult, rhs: CheckResult) -> Bool {
    lhs.isRight == rhs.isRight && lhs.completes == rhs.completes && lhs.message == rhs.message
      && lhs.evidence == rhs.evidence
      && lhs.reread?.lesson == rhs.reread?.lesson && lhs.reread?.stage == rhs.reread?.stage
  }
}
