import Foundation
import LearnchatTestSupport
import Testing

/// Every exercise solved from outside, as a learner would: `learnchat exercise N`, then only
/// the printed task, the material's files and the tools the task names (Python's
/// `cryptography`, `openssl`, `tshark` with learnchat's dissector), then `learnchat check N`.
@Suite("Exercises solved as a learner would", .enabled(if: OriginalChat.isAvailable))
struct ExerciseSolvingTests {
  /// Checks `answer` (or `--file`) for exercise `number` with the learner's own remembered
  /// seed, and expects it right and the exercise recorded done.
  static func expectRight(
    _ learner: ExerciseLearner, _ number: Int, _ arguments: [String],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> ExerciseLearner.Run {
    let check = try learner.check(number, arguments)
    #expect(check.status == 0, "\(check.output)\(check.errors)", sourceLocation: sourceLocation)
    #expect(check.output.hasPrefix("Right."), "\(check.output)", sourceLocation: sourceLocation)
    #expect(
      check.output.contains("Exercise \(number) is done"), "\(check.output)",
      sourceLocation: sourceLocation)
    return check
  }

  @Test(
    "1: the password read off the capture with tshark's Follow TCP Stream",
    .enabled(if: Tshark.shouldRun, Comment(rawValue: Tshark.skipReason)))
  func plaintextCapture() throws {
    let learner = try ExerciseLearner()
    try learner.exercise(1)
    let follow = try Tshark.run(
      ["-qz", "follow,tcp,ascii,0"], file: learner.folder(of: 1) + "/chat.pcapng",
      in: learner.folder)
    try #require(follow.status == 0, "\(follow.standardError)")
    // Each block is a length line, then the text; the client's answer follows the question.
    let lines = follow.standardOutput.split(separator: "\n").map(String.init)
    let question = try #require(lines.firstIndex { $0.contains("password") })
    let password = lines[question + 2]
    _ = try Self.expectRight(learner, 1, [password])
  }

  @Test("2: where each glued message ends, from the client's sends and the server's recv")
  func gluedRead() throws {
    let learner = try ExerciseLearner()
    let solution = try learner.exerciseAndSolve(2).solution
    _ = try Self.expectRight(learner, 2, [solution.answer])
  }

  @Test(
    "3: the text length of frame K, from the length prefixes tshark's dissector lists",
    .enabled(if: Tshark.shouldRun, Comment(rawValue: Tshark.skipReason)))
  func frameLength() throws {
    let learner = try ExerciseLearner()
    let task = try learner.exercise(3)
    let frame = try #require(Int(try firstMatch(#"does frame (\d+) carry"#, in: task)))
    let fields = try Tshark.run(
      ["-Y", "learnchat", "-T", "fields", "-e", "learnchat.length"],
      file: learner.folder(of: 3) + "/chat.pcapng",
      in: learner.folder)
    let lengths = fields.standardOutput.split(separator: "\n").compactMap { Int($0) }
    try #require(lengths.count > frame, "\(fields.standardOutput)")
    // 12 bytes of nonce and 16 of tag around a ciphertext as long as the text.
    _ = try Self.expectRight(learner, 3, [String(lengths[frame - 1] - 28)])
    #expect(
      try learner.solve(3, [String(frame)]).answer == String(lengths[frame - 1] - 28))
  }

  @Test("4: the session key unwrapped with openssl, frame K opened with AESGCM")
  func decryptFrame() throws {
    let learner = try ExerciseLearner()
    let solution = try learner.exerciseAndSolve(4).solution
    // The answer in a file, with the line end an editor adds.
    let file = learner.files.path("answer.txt")
    try (solution.answer + "\n").write(toFile: file, atomically: true, encoding: .utf8)
    _ = try Self.expectRight(learner, 4, ["--file", file])
  }

  @Test("5: a frame sealed by hand is opened by the live demo-2 server, which prints the text")
  func buildFrame() throws {
    let learner = try ExerciseLearner()
    let (task, solution) = try learner.exerciseAndSolve(5)
    let text = try firstMatch(#"with no line end\):\n\n +(.+)\n"#, in: task)
    let check = try Self.expectRight(learner, 5, ["--file", solution.answer])
    #expect(check.output.contains("[Peer]: \(text)"), "\(check.output)")
  }

  @Test("8: two frames under one nonce and a known text give the other text, without the key")
  func nonceReuse() throws {
    let learner = try ExerciseLearner()
    _ = try Self.expectRight(learner, 8, [try learner.exerciseAndSolve(8).solution.answer])
  }

  @Test(
    "10: the forged handshake and the fingerprint, from tshark's fields and Ed25519 checks",
    .enabled(if: Tshark.shouldRun, Comment(rawValue: Tshark.skipReason)))
  func fingerprint() throws {
    let learner = try ExerciseLearner()
    try learner.exercise(10)
    let fields = try Tshark.run(
      [
        "-Y", "learnchat", "-T", "fields", "-e", "tcp.stream",
        "-e", "learnchat.client_ephemeral", "-e", "learnchat.identity_key",
        "-e", "learnchat.server_ephemeral", "-e", "learnchat.signature",
      ], file: learner.folder(of: 10) + "/handshakes.pcapng", in: learner.folder)
    // Per connection (tcp.stream), the ClientHello's key and the ServerHello's three fields.
    var hellos: [Int: [String]] = [:]
    for line in fields.standardOutput.split(separator: "\n") {
      let values = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard values.count == 5, let stream = Int(values[0]) else { continue }
      var fields = hellos[stream] ?? ["", "", "", ""]
      for index in 1..<5 where !values[index].isEmpty { fields[index - 1] = values[index] }
      hellos[stream] = fields
    }
    try #require(hellos.count == 3, "\(fields.standardOutput)")
    let script = """
      import base64, hashlib, sys
      from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
      hello, identity, ephemeral, signature = (bytes.fromhex(a.replace(":", "")) for a in sys.argv[1:])
      try:
          Ed25519PublicKey.from_public_bytes(identity).verify(
              signature, b"learnchat demo 3 handshake" + hello + identity + ephemeral)
          print("valid", end=" ")
      except Exception:
          print("invalid", end=" ")
      print("SHA256:" + base64.b64encode(hashlib.sha256(identity).digest()).decode().rstrip("="))
      """
    var invalid: [Int] = []
    var fingerprints: Set<String> = []
    for stream in hellos.keys.sorted() {
      let run = try learner.run(
        URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script] + hellos[stream]!)
      let words = run.output.split(separator: " ").map(String.init)
      try #require(words.count == 2, "\(run.output)\(run.errors)")
      if words[0] == "invalid" { invalid.append(stream + 1) }
      fingerprints.insert(words[1].trimmingCharacters(in: .whitespacesAndNewlines))
    }
    try #require(invalid.count == 1 && fingerprints.count == 1, "\(invalid) \(fingerprints)")
    let answer = "\(invalid[0]) \(fingerprints.first!)"
    #expect(try learner.solve(10).answer == answer, "tshark and transcript agree")
    _ = try Self.expectRight(learner, 10, [answer])
  }

  @Test("11: the attack named from both captures, the server's keys and the pinned identity")
  func failedChat() throws {
    // Several seeds, so that several attacks are told apart, each as a learner would.
    var seen: Set<String> = []
    for seed in ["one", "two", "three", "four", "five", "six"] {
      let learner = try ExerciseLearner()
      let solution = try learner.exerciseAndSolve(11, seed: seed).solution
      seen.insert(solution.answer)
      _ = try Self.expectRight(learner, 11, [solution.answer])
    }
    #expect(seen.count > 2, "the seeds chose \(seen)")
  }
}
