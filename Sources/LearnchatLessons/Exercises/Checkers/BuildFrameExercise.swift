import LearnchatCrypto
import LearnchatWire

/// Exercise: build a demo-2 frame by hand (seal a given text with a given key and nonce), hand
/// it in with `--file`; a live demo-2 server reads it and shows what it printed.
struct BuildFrameExercise: ExerciseChecker {
  static let name = "build-frame"
  static let placeholders = ["text", "key", "nonce", "text_length"]
  static let submission = SubmissionKind.file

  let material: ExerciseMaterial
  private let key: AESGCM.Key
  private let nonce: AESGCM.Nonce
  private let text: String
  /// The frame the task describes.
  private let expected: [UInt8]

  init(seed: ExerciseSeed) throws {
    var choices = seed.choices("text")
    text = Phrases.sentence(&choices)
    let context = try seed.context()
    key = try AESGCM.Key.random(context: context)
    nonce = try AESGCM.Nonce.random(context: context)
    expected = try FrameEncoder.encode(
      AESGCM.seal(Array(text.utf8), key: key, nonce: nonce).combined)
    material = ExerciseMaterial(
      files: [Artifact(fileName: "session-key.bin", bytes: key.bytes)],
      values: [
        "text": text, "key": Hex.string(key.bytes, separator: " "),
        "nonce": Hex.string(nonce.bytes, separator: " "),
        "text_length": String(text.utf8.count),
      ],
      answer: Hex.string(expected, separator: " "))
  }

  func check(_ submission: Submission, say: @escaping @Sendable (String) -> Void) throws
    -> CheckResult
  {
    let bytes: [UInt8]
    switch submission {
    case .file(_, let contents):
      // A file of hex digits is read as the bytes it spells: forgiving, and said so.
      if let text = String(validating: contents, as: UTF8.self),
        let decoded = AnswerText.hexBytes(text), decoded.count >= FrameDecoder.headerSize
      {
        say("Your file holds hex text; reading it as the \(decoded.count) bytes it spells.")
        bytes = decoded
      } else {
        bytes = contents
      }
    case .text(let answer):
      guard let decoded = AnswerText.hexBytes(answer) else {
        return .notYet("Hand in the frame as a file (--file frame.bin), or its bytes as hex.")
      }
      bytes = decoded
    case .live:
      throw CheckError.wrongSubmission(expected: Self.submission)
    }
    guard !bytes.isEmpty else { return .notYet("That is empty: a frame has at least 4 bytes.") }
    guard bytes.count <= FrameFeed.maximumBytes else {
      return .notYet(
        "That is \(bytes.count) bytes; the frame for this text is \(expected.count). Hand in "
          + "only the frame.")
    }
    let fed = try FrameFeed.run(sessionKey: key, bytes: bytes)
    let evidence = ["The demo-2 server printed:"] + fed.lines.map { "  " + $0 }
    if bytes == expected {
      return .right(
        "The server opened your frame and printed the text: length prefix, nonce, ciphertext "
          + "and tag, byte for byte as learnchat's own client would have sent them.",
        evidence: evidence)
    }
    return .notYet(diagnose(bytes, shown: fed.reads.compactMap(\.text)), evidence: evidence)
  }

  /// What is wrong with `bytes`, which are not the expected frame; `shown` is what the server
  /// printed as messages.
  private func diagnose(_ bytes: [UInt8], shown: [String]) -> String {
    let header = FrameDecoder.headerSize
    let body = Array(expected.dropFirst(header))
    if bytes == body {
      return "Your file starts with the nonce: a frame starts with the 4-byte length of its "
        + "body, big-endian."
    }
    guard bytes.count >= header else {
      return "That is \(bytes.count) bytes: too short even for the 4-byte length prefix."
    }
    let prefix = Array(bytes.prefix(header))
    let bigEndian = prefix.reduce(0) { $0 << 8 | Int($1) }
    let littleEndian = prefix.reversed().reduce(0) { $0 << 8 | Int($1) }
    let rest = bytes.count - header
    if bigEndian == bytes.count {
      return "Your length prefix says \(bigEndian): the whole frame. It counts only the body "
        + "after it, \(rest) bytes here."
    }
    if bigEndian != rest && littleEndian == rest {
      return "Your length prefix is little-endian (least significant byte first). The demos "
        + "write lengths big-endian: most significant byte first."
    }
    if bigEndian != rest {
      return "Your length prefix says \(bigEndian) bytes follow, but \(rest) do."
    }
    let sentNonce = Array(bytes.dropFirst(header).prefix(AESGCM.nonceByteCount))
    if rest == body.count - AESGCM.tagByteCount {
      return "Your body is 16 bytes short: the tag is missing. Python's AESGCM.encrypt returns "
        + "the ciphertext with the tag after it; keep both."
    }
    if rest == body.count - AESGCM.nonceByteCount {
      return "Your body is 12 bytes short: the nonce must come first in the body, before the "
        + "ciphertext and tag."
    }
    if sentNonce != nonce.bytes {
      if shown.contains(text) {
        return "The server opened it and printed the text, but your frame carries another "
          + "nonce than the one given: seal with the nonce of the task."
      }
      return "The first 12 bytes of your body are not the nonce given: the body is nonce, "
        + "ciphertext, tag, in that order."
    }
    if let opened = try? AESGCM.open(
      AESGCM.SealedMessage(combined: Array(bytes.dropFirst(header))), key: key)
    {
      if opened == Array((text + "\n").utf8) || opened == Array((text + "\r\n").utf8) {
        return "You sealed the text with a line end after it; seal exactly the text given."
      }
      return "The server opened it, but the text you sealed is not the text given."
    }
    return "The server could not open it: the tag does not match. With the right nonce, that "
      + "means another key or another text than those given."
  }
}
