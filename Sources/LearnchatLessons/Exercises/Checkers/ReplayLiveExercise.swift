/// Exercise, live: make learnchat's demo-2 server accept the client's transfer message twice,
/// with a relay of your own between them.
struct ReplayLiveExercise: LiveRelayChecker {
  static let name = "live-replay"
  static let placeholders = ["transfer"]

  let material: ExerciseMaterial
  let script: LiveScript
  private let transfer: String

  init(seed: ExerciseSeed) throws {
    var choices = seed.choices("script")
    let transfer =
      "Please transfer \(choices.number(in: 5...50) * 10) euros to \(choices.pick(Phrases.names))."
    self.transfer = transfer
    script = LiveScript(messages: ["Hello, it's me.", transfer]) { shown in
      guard shown.last == transfer else { return "Hello! What can I do for you?" }
      return "Transfer \(shown.filter { $0 == transfer }.count) done."
    }
    material = ExerciseMaterial(
      files: [Artifact(fileName: "relay.py", bytes: Array(RelaySkeleton.source.utf8))],
      values: ["transfer": transfer],
      answer: "(checked live) the server shows \"\(transfer)\" twice")
  }

  func judge(_ record: LiveRecord, options: LiveOptions) -> CheckResult {
    let observed = AttackOutcome.Observed(
      sent: record.clientSent, reads: record.serverReads.map(\.read))
    let transfers = record.serverShown.filter { $0 == transfer }.count
    let outcome = AttackOutcome(
      observed,
      summary: transfers >= 2
        ? "the server accepted the same transfer \(transfers == 2 ? "twice" : "\(transfers) times")."
        : observed.acceptedFalse
          ? "the server accepted something the client did not send that way."
          : "the server showed what the client sent, once each.")
    let evidence = record.evidence(options, outcome)
    if transfers >= 2 {
      let times = transfers == 2 ? "twice" : "\(transfers) times"
      return .right(
        "The server carried out the transfer \(times) from one message of the "
          + "client's. The frame you sent again was genuine: the tag proves who sealed it, not "
          + "when, nor how often.", evidence: evidence)
    }
    if let problem = LiveVerdict.handshakeProblem(record) {
      return .notYet(problem, evidence: evidence)
    }
    if record.serverReads.contains(where: { if case .refused = $0.read { true } else { false } }) {
      return .notYet(
        "The server refused a frame: it did not decrypt. Send the recorded frame again whole "
          + "and unchanged, its length prefix included.", evidence: evidence)
    }
    if transfers == 0 {
      return .notYet(
        "The transfer never reached the server: pass the client's frames on.", evidence: evidence)
    }
    if observed.acceptedFalse {
      return .notYet(
        "The server accepted something false, but not the transfer twice. Replay the frame "
          + "that carries the transfer.", evidence: evidence)
    }
    return .notYet(
      "Your program passed everything on unchanged: the server showed each message once. A "
        + "replay sends the server, again, a frame it has already taken.", evidence: evidence)
  }
}
