import LearnchatCrypto
import LearnchatWire

/// The demo-2 chat exercises 3 and 4 hand out: a handshake, then messages both ways and
/// `exit`, recorded at the client's socket.
struct Demo2Conversation {
  let chat: Demo2ChatRun
  let recorder: ExerciseRecorder

  /// Plays a chat of a few seeded messages with keys from `seed`'s context.
  init(seed: ExerciseSeed) throws {
    var choices = seed.choices("chat")
    var lines: [(Demo2ChatRun.Sender, String)] = []
    for turn in 0..<choices.number(in: 5...7) {
      let sender: Demo2ChatRun.Sender = turn.isMultiple(of: 2) ? .client : .server
      var text = sender == .client ? Phrases.sentence(&choices) : Phrases.reply(&choices)
      while lines.contains(where: { $0.1 == text }) {
        text = sender == .client ? Phrases.sentence(&choices) : Phrases.reply(&choices)
      }
      lines.append((sender, text))
    }
    recorder = ExerciseRecorder.forMaterial(&choices)
    let pair = try recorder.loopbackPair(
      1, client: .loopback(UInt16(choices.number(in: 40_000...60_000))),
      server: .loopback(5002), captured: .client, tapped: [.client])
    var chat = try Demo2ChatRun(pair: pair, context: seed.context())
    for (sender, text) in lines { try chat.say(text, from: sender) }
    try chat.exit()
    self.chat = chat
  }

  /// The capture and the transcript, as the client's socket saw the chat.
  func files(exercise: Int) throws -> [Artifact] {
    try recorder.files(
      exercise: exercise, title: "A demo-2 chat, as the client's socket saw it",
      note: "Every send and recv the client made, in order: frames with their length "
        + "prefixes, cut wherever the reads happened to fall.")
  }

  /// The message frames a question may be about: every message but the final `exit`.
  var askable: [Demo2ChatRun.Message] { Array(chat.messages.dropLast()) }
}
