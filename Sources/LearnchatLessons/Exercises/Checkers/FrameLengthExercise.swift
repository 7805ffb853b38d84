import LearnchatWire

/// Exercise: decode a demo-2 capture's length prefixes; how many bytes of text are in frame K?
struct FrameLengthExercise: TextAnswerChecker {
  static let name = "frame-length"
  static let placeholders = ["frame"]

  let material: ExerciseMaterial
  private let asked: Demo2ChatRun.Message
  private let others: [Demo2ChatRun.Message]

  init(seed: ExerciseSeed) throws {
    let conversation = try Demo2Conversation(seed: seed)
    var choices = seed.choices("question")
    let asked = choices.pick(conversation.askable)
    self.asked = asked
    others = conversation.chat.messages.filter { $0.frame != asked.frame }
    material = ExerciseMaterial(
      files: try conversation.files(exercise: seed.exercise),
      values: ["frame": String(asked.frame)], answer: String(asked.text.utf8.count))
  }

  func check(answer text: String) throws -> CheckResult {
    let numbers = AnswerText.numbers(text)
    guard numbers.count == 1, let answer = numbers.first else {
      return .notYet("Give one number: how many bytes of text frame \(asked.frame) carries.")
    }
    let body = asked.bodyLength
    let textLength = body - 28
    if answer == textLength {
      return .right(
        "Frame \(asked.frame)'s prefix says \(body) bytes follow; 12 of nonce and 16 of tag "
          + "leave \(textLength) of ciphertext, as long as the text. Encryption hides the words, "
          + "not their number.")
    }
    let prefix = asked.bytes.prefix(FrameDecoder.headerSize)
    let littleEndian = prefix.reversed().reduce(0) { $0 << 8 | Int($1) }
    switch answer {
    case body:
      return .notYet(
        "That is the length of the whole body; the plaintext is 28 bytes shorter (a 12-byte "
          + "nonce before it, a 16-byte tag after it).")
    case body + FrameDecoder.headerSize:
      return .notYet(
        "That is the whole frame, its 4-byte length prefix included. The prefix counts only "
          + "the body, and the text is the body less nonce and tag.")
    case body - 12:
      return .notYet("That still counts the 16-byte tag at the end of the body.")
    case body - 16:
      return .notYet("That still counts the 12-byte nonce at the start of the body.")
    case littleEndian, littleEndian - 28:
      return .notYet(
        "That reads the length prefix backwards: it is big-endian, most significant byte "
          + "first.", reread: (2, "public-key-frame"))
    default:
      break
    }
    if let other = others.first(where: { $0.text.utf8.count == answer }) {
      return .notYet(
        "That is the text length of frame \(other.frame). Count frames from 1 in both "
          + "directions: frame 1 is the server's public key, frame 2 the wrapped key.")
    }
    return .notYet(
      "Find frame \(asked.frame)'s 4-byte length prefix, then take away what in the "
        + "body is not text.")
  }
}
