import LearnchatWire

/// Exercise: unwrap the session key with the exported private key and decrypt frame K.
struct DecryptFrameExercise: TextAnswerChecker {
  static let name = "decrypt-frame"
  static let placeholders = ["frame"]

  let material: ExerciseMaterial
  private let asked: Demo2ChatRun.Message
  private let others: [Demo2ChatRun.Message]
  private let sessionKey: [UInt8]
  private let wrappedKey: [UInt8]

  init(seed: ExerciseSeed) throws {
    let conversation = try Demo2Conversation(seed: seed)
    var choices = seed.choices("question")
    let asked = choices.pick(conversation.askable)
    self.asked = asked
    others = conversation.chat.messages.filter { $0.frame != asked.frame }
    sessionKey = conversation.chat.sessionKey.bytes
    wrappedKey = conversation.chat.wrappedKey
    material = ExerciseMaterial(
      files: try conversation.files(exercise: seed.exercise) + [
        Artifact(
          fileName: "server-private-key.pem", bytes: try conversation.chat.serverKey.pem())
      ],
      values: ["frame": String(asked.frame)], answer: asked.text)
  }

  func check(answer text: String) throws -> CheckResult {
    let answer = AnswerText.trimmed(text)
    if answer == asked.text {
      return .right(
        "Frame \(asked.frame) says \"\(asked.text)\". With the server's private key, the "
          + "recorded handshake gives up the session key, and with it every frame of the chat: "
          + "whoever steals a demo-2 server's key later reads what was recorded today.")
    }
    if let other = others.first(where: { $0.text == answer }) {
      return .notYet(
        "That is the text of frame \(other.frame). Count frames from 1 in both directions: "
          + "frame 1 is the server's public key, frame 2 the wrapped key.")
    }
    if let bytes = AnswerText.hexBytes(answer) {
      if bytes == sessionKey {
        return .notYet(
          "That is the session key, well unwrapped. Now open frame \(asked.frame) with it and "
            + "give its text.", reread: (2, "decrypt"))
      }
      if bytes == wrappedKey {
        return .notYet(
          "That is the wrapped key, frame 2's body. Unwrap it with the private key first.",
          reread: (2, "oaep-unwrap"))
      }
      if bytes == Array(asked.text.utf8) {
        return .notYet("Those are the right bytes, in hex: give the text they spell.")
      }
    }
    if answer.lowercased() == asked.text.lowercased() {
      return .notYet("Nearly: give the text exactly as it was sent, capitals included.")
    }
    return .notYet("That is not frame \(asked.frame)'s text.")
  }
}
