import LearnchatWire

/// Exercise, live: with a relay of your own, play the man in the middle between learnchat's
/// demo-2 client and server, and recover the secret the client sends.
struct ManInTheMiddleExercise: ExerciseChecker {
  static let name = "live-mitm"
  static let placeholders: [String] = []
  static let submission = SubmissionKind.liveThenText

  let material: ExerciseMaterial
  private let script: LiveScript
  private let secret: String
  private let number: Int

  init(seed: ExerciseSeed) throws {
    number = seed.exercise
    var choices = seed.choices("script")
    let secret = Phrases.secret(&choices)
    self.secret = secret
    script = LiveScript(messages: ["Hello, are you the server?", "The secret is \(secret)."]) {
      shown in shown.count == 1 ? "Yes. Go on." : "Noted."
    }
    material = ExerciseMaterial(
      files: [Artifact(fileName: "relay.py", bytes: Array(RelaySkeleton.source.utf8))],
      values: [:], answer: secret)
  }

  func check(_ submission: Submission, say: @escaping @Sendable (String) -> Void) throws
    -> CheckResult
  {
    switch submission {
    case .live(let options): return try checkLive(options, say: say)
    case .text, .file:
      guard let text = submission.text else {
        return .notYet("Give the secret as text.")
      }
      return checkSecret(AnswerText.trimmed(text))
    }
  }

  private func checkSecret(_ answer: String) -> CheckResult {
    if answer == secret {
      return .right(
        "That is the client's secret. Nothing told the client whose public key it got: the "
          + "relay that swapped it read everything, and both ends saw a normal chat.")
    }
    if answer == "The secret is \(secret)." || answer.contains(secret) {
      return .notYet("That holds more than the secret: give the secret alone.")
    }
    if let bytes = AnswerText.hexBytes(answer), bytes == Array(secret.utf8) {
      return .notYet("Those are the right bytes, in hex: give the text they spell.")
    }
    return .notYet(
      "That is not the client's secret. It is in the client's second message, which only a "
        + "relay holding the session key can open: run `learnchat check \(number) --live` with "
        + "your relay in the middle.")
  }

  private func checkLive(_ options: LiveOptions, say: @escaping @Sendable (String) -> Void)
    throws -> CheckResult
  {
    let record = try LiveRun.run(options, script: script, say: say)
    if let absence = record.absence { return .notYet(absence) }
    let swapped =
      record.clientPEM != nil && record.serverPEM != nil && record.clientPEM != record.serverPEM
    let keysAgree =
      record.clientSessionKey != nil && record.clientSessionKey == record.serverSessionKey
    // The client wrapped its session key for a public key that is not the server's, yet the
    // server holds the same key: whoever sat between them unwrapped it.
    var observed = AttackOutcome.Observed(
      acceptedFalse: swapped && record.clientSessionKey != nil, learnedSecret: swapped && keysAgree)
    observed.add(sent: record.clientSent, reads: record.serverReads.map(\.read))
    let outcome = AttackOutcome(
      observed,
      summary: observed.learnedSecret
        ? "the client wrapped its session key for your key, and the server got the same key: your relay held it."
        : swapped
          ? "the client took your key, but the server did not end up with the client's session key."
          : "the client got the server's own key, so only the server could unwrap the session key.")
    let evidence = record.evidence(options, outcome, hiding: secret)
    if observed.learnedSecret {
      let refused = record.serverReads.filter { if case .refused = $0.read { true } else { false } }
      let note =
        refused.isEmpty
        ? "" : " (The server refused \(refused.count) frame(s): pass messages on unchanged.)"
      return .stepDone(
        "Your relay sat in the middle unseen: the client's session key went through it. "
          + "The client's second message holds a secret (hidden above); give it with "
          + "`learnchat check \(number) SECRET`." + note, evidence: evidence)
    }
    if record.clientPEM == nil {
      return .notYet(
        "The client never got a public key through your program: send it one (your own).",
        evidence: evidence)
    }
    if !swapped {
      return .notYet(
        "Your program passed the server's own public key to the client, so the client wrapped "
          + "the session key for the server alone. Send the client a public key of your own.",
        evidence: evidence, reread: (3, "mitm"))
    }
    if record.serverSessionKey == nil {
      return .notYet(
        "The client took your key, but the server could not unwrap what reached it: wrap the "
          + "session key again with the server's public key (RSA-OAEP, SHA-256, MGF1-SHA-256, no "
          + "label).", evidence: evidence, reread: (2, "oaep-wrap"))
    }
    return .notYet(
      "The server unwrapped another key than the client's: wrap again the very key your "
        + "relay unwrapped.", evidence: evidence)
  }
}
