import Foundation
import Testing

/// Wrong answers of each common kind, worked out from the material as a learner might get them
/// wrong: each is refused (exit status 1) with what it is, never with the answer, and with the
/// lesson stage to re-read. Reasonable formats of the right answer are accepted.
@Suite("Exercises: wrong answers said for what they are", .enabled(if: OriginalChat.isAvailable))
struct ExerciseWrongAnswerTests {
  /// Checks `arguments` for exercise `number` and expects a miss whose message contains
  /// `words` and never `answer`.
  static func expectMiss(
    _ learner: ExerciseLearner, _ number: Int, _ arguments: [String], saying words: String,
    answer: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let check = try learner.check(number, arguments)
    #expect(check.status == 1, "\(arguments): \(check.output)", sourceLocation: sourceLocation)
    #expect(check.output.hasPrefix("Not yet."), "\(check.output)", sourceLocation: sourceLocation)
    #expect(
      check.output.contains(words), "\(arguments): expected \"\(words)\" in\n\(check.output)",
      sourceLocation: sourceLocation)
    #expect(
      check.output.contains("Re-read lesson "), "\(check.output)", sourceLocation: sourceLocation)
    // The verdict's own sentence; the evidence after it may show what the server printed.
    let verdict = check.output.prefix { $0 != "\n" }
    #expect(
      !verdict.contains(answer), "\(arguments) revealed the answer:\n\(check.output)",
      sourceLocation: sourceLocation)
  }

  /// Expects each of the solver's wrong answers named in `cases` refused as `expectMiss` says,
  /// with its words; every one must have been found.
  static func expectMisses(
    _ learner: ExerciseLearner, _ number: Int, _ solution: ExerciseLearner.Solution,
    _ cases: KeyValuePairs<String, String>, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    for (kind, words) in cases {
      let wrong = try #require(solution.wrong[kind], "\(kind)", sourceLocation: sourceLocation)
      try expectMiss(
        learner, number, [wrong], saying: words, answer: solution.answer,
        sourceLocation: sourceLocation)
    }
  }

  /// The texts of a demo-1 transcript's calls of `kind` (`send` or `recv`).
  static func texts(_ dir: String, _ kind: String) throws -> [String] {
    let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/transcript.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let connections = try #require(json["connections"] as? [[String: Any]])
    let calls = try #require(connections.first?["calls"] as? [[String: String]])
    return calls.filter { $0["call"] == kind }.compactMap {
      bytes(fromHex: $0["hex"]!.replacingOccurrences(of: " ", with: ""))
    }.map { String(decoding: $0, as: UTF8.self) }
  }

  @Test("1: another line of the chat, the password in hex, with more or less; with a CRLF is fine")
  func plaintextCapture() throws {
    let learner = try ExerciseLearner()
    try learner.exercise(1)
    let received = try Self.texts(learner.folder(of: 1), "recv")
    let sent = try Self.texts(learner.folder(of: 1), "send")
    let password = received[1]
    try Self.expectMiss(
      learner, 1, [received[0]], saying: "That is the client's first message", answer: password)
    try Self.expectMiss(learner, 1, [sent[0]], saying: "the server's question", answer: password)
    try Self.expectMiss(
      learner, 1, [hex(Array(password.utf8))], saying: "bytes in hex", answer: password)
    try Self.expectMiss(
      learner, 1, ["password: \(password)"], saying: "holds more than the password",
      answer: password)
    try Self.expectMiss(
      learner, 1, [String(password.dropLast())], saying: "not what the client sent",
      answer: password)
    let file = learner.files.path("answer.txt")
    try (password + "\r\n").write(toFile: file, atomically: true, encoding: .utf8)
    #expect(try learner.check(1, ["--file", file]).status == 0)
  }

  @Test("2: lengths, last-byte offsets, offsets from the connection's start, a wrong count")
  func gluedRead() throws {
    let learner = try ExerciseLearner()
    let solution = try learner.exerciseAndSolve(2).solution
    try Self.expectMisses(
      learner, 2, solution,
      [
        "lengths": "the messages' lengths", "last-byte": "last byte, counted from 0",
        "from-start": "from the start of the connection", "count": "did not hold",
      ])
    // The ends alone, in another layout, are the same answer.
    let ends = solution.answer.split(separator: ":")[1].split(separator: " ").joined(separator: ",")
    #expect(try learner.check(2, [ends]).status == 0, "\(ends)")
  }

  @Test("3: the body, the whole frame, tag or nonce counted, little-endian, another frame")
  func frameLength() throws {
    let learner = try ExerciseLearner()
    let solution = try learner.exerciseAndSolve(3).solution
    let cases = [
      ("body", "That is the length of the whole body; the plaintext is 28 bytes shorter"),
      ("frame", "its 4-byte length prefix included"), ("with-tag", "still counts the 16-byte tag"),
      ("with-nonce", "still counts the 12-byte nonce"), ("little-endian", "big-endian"),
      ("other-frame", "That is the text length of frame"),
    ]
    // The hints name the frame's fixed parts (4, 12, 16, 28 bytes); a text of that length
    // is not given away by them.
    let fixed = ["4", "12", "16", "28"].contains(solution.answer)
    let revealed = fixed ? "\(solution.answer) bytes of text" : " \(solution.answer) "
    for (kind, words) in cases {
      guard let wrong = solution.wrong[kind] else { continue }
      try Self.expectMiss(learner, 3, [wrong], saying: words, answer: revealed)
    }
    #expect(solution.wrong["other-frame"] != nil, "the chat has messages of several lengths")
    #expect(try learner.check(3, [" \(solution.answer)\n"]).status == 0)
  }

  /// An exercise whose wrong answers are checked by the table alone: each of the solver's wrong
  /// answers of these kinds is refused with these words.
  struct WrongAnswerTable: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let exercise: Int
    /// The solver's name for a wrong answer, and words the refusal must contain.
    let cases: KeyValuePairs<String, String>

    static let all = [
      WrongAnswerTable(
        testDescription:
          "4: the session key, another frame's text, the wrapped key, the text in hex",
        exercise: 4,
        cases: [
          "session-key": "That is the session key", "other-frame": "That is the text of frame",
          "wrapped-key": "That is the wrapped key", "hex": "right bytes, in hex",
        ]),
      WrongAnswerTable(
        testDescription:
          "8: the XOR of the ciphertexts, the known text, the answer in hex, half of it",
        exercise: 8,
        cases: [
          "xor": "ciphertext 1 XOR ciphertext 2", "known": "frame 1's text",
          "hex": "right bytes, in hex", "start": "only the start",
        ]),
    ]
  }

  @Test("each wrong answer in the table is refused for what it is", arguments: WrongAnswerTable.all)
  func wrongAnswerTable(_ table: WrongAnswerTable) throws {
    let learner = try ExerciseLearner()
    let solution = try learner.exerciseAndSolve(table.exercise).solution
    try Self.expectMisses(learner, table.exercise, solution, table.cases)
  }

  @Test(
    "5: no prefix, a prefix counting itself, little-endian, no tag, a line end, other nonce or key")
  func buildFrame() throws {
    let learner = try ExerciseLearner()
    let solution = try learner.exerciseAndSolve(5).solution
    let cases = [
      ("no-prefix", "starts with the nonce"), ("prefix-counts-itself", "the whole frame"),
      ("little-endian", "little-endian"), ("no-tag", "the tag is missing"),
      ("line-end", "with a line end after it"), ("other-nonce", "another nonce"),
      ("other-key", "could not open it"),
    ]
    for (kind, words) in cases {
      try Self.expectMiss(
        learner, 5, ["--file", try #require(solution.wrong[kind])], saying: words,
        answer: "Right.")
    }
    // What the server printed is shown even on a miss: here, the frame that did not open.
    let failed = try learner.check(5, ["--file", try #require(solution.wrong["other-key"])])
    #expect(failed.output.contains("[!] Failed to decrypt message"), "\(failed.output)")
    // The frame's bytes as hex with colons, upper case, as ANSWER.
    let hexFrame = try #require(solution.hex)
    #expect(try learner.check(5, [hexFrame]).status == 0, "\(hexFrame)")
  }

  @Test(
    "10: a connection that verifies, the hash in hex, DER hashed, an ephemeral key; padding is fine"
  )
  func fingerprint() throws {
    let learner = try ExerciseLearner()
    let solution = try learner.exerciseAndSolve(10).solution
    let fingerprint = String(solution.answer.split(separator: " ")[1])
    let cases = [
      ("connection", "signature verifies"), ("hex", "the hash in hex"),
      ("der", "44-byte DER encoding"), ("ephemeral", "ephemeral X25519 key"),
    ]
    for (kind, words) in cases {
      let wrong = try #require(solution.wrong[kind])
      let revealed = kind == "connection" ? solution.answer : fingerprint
      try Self.expectMiss(learner, 10, [wrong], saying: words, answer: revealed)
    }
    #expect(try learner.check(10, [try #require(solution.wrong["padded"])]).status == 0)
  }

  @Test("11: another attack is refused with what it would have left, and its stage to re-read")
  func failedChat() throws {
    let learner = try ExerciseLearner()
    let answer = try learner.exerciseAndSolve(11).solution.answer
    let attacks = [
      "tamper-bit", "tamper-length", "replay", "reflection", "drop", "reorder", "mitm",
      "oversized-length",
    ]
    for guess in attacks where guess != answer {
      let stage = guess == "drop" || guess == "reorder" ? "drop-reorder" : guess
      try Self.expectMiss(
        learner, 11, [guess], saying: "Re-read lesson 4, stage \(stage)", answer: answer)
    }
    let unknown = try learner.check(11, ["aliens"])
    #expect(unknown.status == 1 && unknown.output.contains("Name the attack as one of"))
    #expect(
      try learner.check(11, [answer.uppercased().replacingOccurrences(of: "-", with: " ")]).status
        == 0)
  }
}
