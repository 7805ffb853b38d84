/// A checker whose answer is a short text, typed or in a file: it judges only that text.
protocol TextAnswerChecker: ExerciseChecker {
  /// Judges the learner's answer, as they gave it (not yet trimmed).
  func check(answer: String) throws -> CheckResult
}

extension TextAnswerChecker {
  static var submission: SubmissionKind { .text }

  func check(_ submission: Submission, say: @escaping @Sendable (String) -> Void) throws
    -> CheckResult
  {
    guard let text = submission.text else {
      throw CheckError.wrongSubmission(expected: Self.submission)
    }
    return try check(answer: text)
  }
}

/// A checker judged only live: learnchat's demo-2 server and client chat through the learner's
/// relay, following `script`, and the checker judges what the two ends did.
protocol LiveRelayChecker: ExerciseChecker {
  /// What learnchat's two ends say during the run.
  var script: LiveScript { get }
  /// Judges a run in which both ends connected and chatted; `options` are the run's.
  func judge(_ record: LiveRecord, options: LiveOptions) -> CheckResult
}

extension LiveRelayChecker {
  static var submission: SubmissionKind { .live }

  func check(_ submission: Submission, say: @escaping @Sendable (String) -> Void) throws
    -> CheckResult
  {
    guard case .live(let options) = submission else {
      throw CheckError.wrongSubmission(expected: Self.submission)
    }
    let record = try LiveRun.run(options, script: script, say: say)
    if let absence = record.absence { return .notYet(absence) }
    return judge(record, options: options)
  }
}
