/// Lesson 3's verdict on a live run, told as a line of evidence.
enum LiveVerdict {
  /// `Verdict (as in lessons 3 and 4): SUCCEEDED: ...`.
  static func line(_ outcome: AttackOutcome) -> String {
    "Verdict, by lessons 3 and 4's rules: \(outcome.verdict.rawValue.uppercased()): \(outcome.summary)"
  }

  /// Why the handshake did not get through the learner's program, if it did not.
  static func handshakeProblem(_ record: LiveRecord) -> String? {
    if record.clientPEM == nil {
      return "The client never got the server's public key through your program: pass the "
        + "server's first frame on to the client."
    }
    if record.serverSessionKey == nil {
      return "The server never got a session key it could unwrap: pass the client's first "
        + "frame (the wrapped key) on to the server."
    }
    return nil
  }
}

extension LiveRecord {
  /// The evidence lines and the verdict line.
  func evidence(_ options: LiveOptions, _ outcome: AttackOutcome, hiding hidden: String? = nil)
    -> [String]
  {
    LiveEvidence.lines(self, options: options, hiding: hidden) + [LiveVerdict.line(outcome)]
  }
}
