import LearnchatDemos
import LearnchatWire

/// Exercise: read the chat out of a demo-1 capture, and say what password the client sent.
struct PlaintextCaptureExercise: TextAnswerChecker {
  static let name = "plaintext-capture"
  static let placeholders = ["name"]

  let material: ExerciseMaterial
  private let password: String
  /// Every line of the chat, with who said it.
  private let lines: [(who: String, text: String)]

  init(seed: ExerciseSeed) throws {
    var choices = seed.choices("chat")
    let name = choices.pick(Phrases.names)
    password = Phrases.secret(&choices)
    lines = [
      ("the client's first message", "Hi, it's \(name)."),
      ("the server's question", "Hello \(name). The password, please?"),
      ("the password", password),
      ("the server's welcome", "Welcome back, \(name)."),
      ("the client's exit", ChatText.exitCommand),
    ]
    let recorder = ExerciseRecorder.forMaterial(&choices)
    let clientPort = UInt16(choices.number(in: 40_000...60_000))
    let pair = try recorder.loopbackPair(
      1, client: .loopback(clientPort), server: .loopback(5002), captured: .server,
      tapped: [.server])
    let client = Demo1.Peer(connection: pair.client)
    let server = Demo1.Peer(connection: pair.server)
    for (index, line) in lines.enumerated() {
      let (from, to) = index.isMultiple(of: 2) ? (client, server) : (server, client)
      _ = try from.send(line.text)
      _ = try to.receive()
    }
    pair.client.close()
    _ = try server.receive()
    pair.server.close()
    material = ExerciseMaterial(
      files: try recorder.files(
        exercise: seed.exercise, title: "A demo-1 chat, as the server's socket saw it",
        note: "Every send and recv the server made, in order: what anyone on the path saw."),
      values: ["name": name], answer: password)
  }

  func check(answer text: String) throws -> CheckResult {
    let answer = AnswerText.trimmed(text)
    if answer == password {
      return .right(
        "That is the password, read straight off the wire: demo 1 sends every byte as typed, "
          + "so whoever sees the traffic reads it.")
    }
    if let line = lines.first(where: { $0.text == answer }) {
      return .notYet("That is \(line.who), not the password the client sent.")
    }
    if let bytes = AnswerText.hexBytes(answer), bytes == Array(password.utf8) {
      return .notYet("Those are the password's bytes in hex: give the text they spell.")
    }
    if answer.lowercased() == password.lowercased() {
      return .notYet("The letters are right but not their case: a password is exact.")
    }
    if answer.contains(password) {
      return .notYet("That holds more than the password: give the password alone.")
    }
    return .notYet("That is not what the client sent as its password.")
  }
}
