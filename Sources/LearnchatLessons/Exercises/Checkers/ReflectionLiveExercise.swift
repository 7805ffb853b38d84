/// Exercise, live: make learnchat's demo-2 client show its own message as the server's.
struct ReflectionLiveExercise: LiveRelayChecker {
  static let name = "live-reflection"
  static let placeholders = ["message", "reply"]

  let material: ExerciseMaterial
  let script: LiveScript

  init(seed: ExerciseSeed) throws {
    var choices = seed.choices("script")
    let message = "I am at the \(choices.pick(Phrases.places)), open the door."
    let reply = "Who is there?"
    script = LiveScript(messages: [message]) { _ in reply }
    material = ExerciseMaterial(
      files: [Artifact(fileName: "relay.py", bytes: Array(RelaySkeleton.source.utf8))],
      values: ["message": message, "reply": reply],
      answer: "(checked live) the client shows \"[Peer]: \(message)\"")
  }

  func judge(_ record: LiveRecord, options: LiveOptions) -> CheckResult {
    // The server's words are the only ones the client may show as the peer's.
    let observed = AttackOutcome.Observed(sent: record.serverSent, reads: record.clientReads)
    let ownWords = record.clientShown.filter { record.clientSent.contains($0) }
    let outcome = AttackOutcome(
      observed,
      summary: !ownWords.isEmpty
        ? "the client showed its own words as the server's."
        : observed.acceptedFalse
          ? "the client showed something the server did not send."
          : "the client showed only what the server sent.")
    let evidence = record.evidence(options, outcome)
    if !ownWords.isEmpty {
      return .right(
        "The client printed its own message as the server's. One key serves both directions, "
          + "and nothing in a frame says which way it was going.", evidence: evidence)
    }
    if let problem = LiveVerdict.handshakeProblem(record) {
      return .notYet(problem, evidence: evidence)
    }
    if record.clientReads.contains(where: { if case .refused = $0 { true } else { false } }) {
      return .notYet(
        "The client got a frame it could not open: send its own frame back whole and "
          + "unchanged.", evidence: evidence)
    }
    if record.clientReads.isEmpty || record.clientReads.allSatisfy(\.endsConnection) {
      return .notYet(
        "The client got no message at all after sending its own. Send that frame back to it.",
        evidence: evidence)
    }
    return .notYet(
      "The client showed only what the server said. A reflection sends the client's frame back "
        + "to the client instead of on to the server.", evidence: evidence)
  }
}
