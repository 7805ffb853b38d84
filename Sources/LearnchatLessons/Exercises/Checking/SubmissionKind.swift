/// How an exercise's answer is handed to `learnchat check`.
public enum SubmissionKind: Sendable, Equatable {
  /// A short answer: `check N ANSWER`, or the answer in a file with `--file`.
  case text
  /// Bytes in a file: `check N --file FILE` (or as hex in ANSWER).
  case file
  /// Only a live run through the learner's own program: `check N --live`.
  case live
  /// A live run through the learner's program, then what it learned: `check N --live`, then
  /// `check N ANSWER`.
  case liveThenText
}

/// What the learner handed in.
public enum Submission: Sendable {
  /// An answer given as text (an argument, or a file read as UTF-8).
  case text(String)
  /// A file's bytes, as `--file` read them.
  case file(name: String, bytes: [UInt8])
  /// A live run through the learner's program, with these ports and limits.
  case live(LiveOptions)
}
