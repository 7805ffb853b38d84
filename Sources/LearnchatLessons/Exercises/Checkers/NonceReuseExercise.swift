import LearnchatCrypto
import LearnchatWire

/// Exercise: two frames sealed under one key and one nonce, and the first one's text: recover
/// the second's without the key.
struct NonceReuseExercise: TextAnswerChecker {
  static let name = "nonce-reuse"
  static let placeholders = ["known"]

  let material: ExerciseMaterial
  private let known: String
  private let secret: String
  /// The two ciphertexts XORed: the two texts XORed.
  private let xor: [UInt8]

  init(seed: ExerciseSeed) throws {
    var choices = seed.choices("texts")
    var secret =
      "The door code is \(choices.number(in: 1000...9999)), come in at \(choices.pick(Phrases.times))."
    var known = Phrases.sentence(&choices)
    while known.utf8.count < secret.utf8.count { known += " " + Phrases.sentence(&choices) }
    if choices.number(in: 0...1) == 1 {
      secret =
        "Ask for \(choices.pick(Phrases.names)); the password is \(Phrases.secret(&choices))."
      while known.utf8.count < secret.utf8.count { known += " " + Phrases.sentence(&choices) }
    }
    let recorder = ExerciseRecorder.forMaterial(&choices)
    let pair = try recorder.loopbackPair(
      1, client: .loopback(UInt16(choices.number(in: 40_000...60_000))),
      server: .loopback(5002), captured: .client, tapped: [.client])
    let context = try seed.context()
    // Demo 2's client done wrong on purpose, as in lesson 3: one nonce for every message.
    var chat = try Demo2ChatRun(
      pair: pair, context: context, repeating: AESGCM.Nonce.random(context: context))
    try chat.say(known, from: .client)
    try chat.say(secret, from: .client)
    pair.client.close()
    pair.server.close()
    let frames = chat.messages.map(\.bytes)
    let ciphertexts = frames.map { Array($0.dropFirst(16).dropLast(16)) }
    xor = zip(ciphertexts[0], ciphertexts[1]).map { $0 ^ $1 }
    self.known = known
    self.secret = secret
    material = ExerciseMaterial(
      files: [
        Artifact(fileName: "frame-1.bin", bytes: frames[0]),
        Artifact(fileName: "frame-2.bin", bytes: frames[1]),
        Artifact(fileName: "known.txt", bytes: Array(known.utf8)),
      ],
      values: ["known": known], answer: secret)
  }

  func check(answer text: String) throws -> CheckResult {
    let answer = AnswerText.trimmed(text)
    if answer == secret {
      return .right(
        "Read without the key. One key and one nonce make one keystream, and it cancels out "
          + "of the XOR of the two ciphertexts; the known text then gives the other.")
    }
    if answer == known {
      return .notYet("That is frame 1's text, the one you were given. Frame 2's is asked.")
    }
    if let bytes = AnswerText.hexBytes(answer) {
      if bytes == xor || (bytes.count >= 8 && xor.starts(with: bytes)) {
        return .notYet(
          "That is ciphertext 1 XOR ciphertext 2, which is text 1 XOR text 2. XOR the known "
            + "text into it.")
      }
      if bytes == Array(secret.utf8) {
        return .notYet("Those are the right bytes, in hex: give the text they spell.")
      }
    }
    if answer.count >= 4 && secret.hasPrefix(answer) {
      return .notYet("That is only the start of it: the known text is long enough for all of it.")
    }
    if answer.count >= 4 && secret.contains(answer) {
      return .notYet("That is part of it: give the whole text of frame 2.")
    }
    return .notYet(
      "That is not frame 2's text. Cut each ciphertext out of its frame (after the 4-byte "
        + "length and 12-byte nonce, before the 16-byte tag), XOR them, XOR in the known text.")
  }
}
