/// Why an answer could not be judged at all (as opposed to judged wrong).
public enum CheckError: Error, Equatable, CustomStringConvertible {
  /// The exercise takes another kind of answer (the command line checks this first).
  case wrongSubmission(expected: SubmissionKind)

  public var description: String {
    switch self {
    case .wrongSubmission(let expected):
      switch expected {
      case .text: return "this exercise takes a short answer: check N ANSWER"
      case .file: return "this exercise takes a file: check N --file FILE"
      case .live: return "this exercise is checked live: check N --live"
      case .liveThenText: return "this exercise is run live (check N --live), then answered"
      }
    }
  }
}
