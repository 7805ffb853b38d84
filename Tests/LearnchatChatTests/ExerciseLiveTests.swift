import Foundation
import Testing

/// The live exercises, checked through relays written in Python as a learner would write them
/// (from the `relay.py` the exercise hands out): an attack passes, a relay that only passes the
/// bytes on fails, and a program that never shows up ends in a clear message.
@Suite("Exercises checked live through the learner's relay", .enabled(if: OriginalChat.isAvailable))
struct ExerciseLiveTests {
  static let relays = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/exercises/relays.py").path

  /// The verdict's line: the first after the lines that say how the run is going.
  static func verdict(_ check: ExerciseLearner.Run) -> String {
    let lines = check.output.split(separator: "\n").map(String.init)
    return lines.first { $0.hasPrefix("Right") || $0.hasPrefix("Not yet.") } ?? ""
  }

  /// A learner with exercise `number`'s material, and a relay of `kind` from it listening on a
  /// free port in front of learnchat's server port.
  struct Setup {
    let learner: ExerciseLearner
    let relay: ChatProcess
    let proxyPort: UInt16
    let serverPort: UInt16

    init(exercise number: Int, relay kind: String) throws {
      learner = try ExerciseLearner()
      let dir = learner.files.path("live")
      try learner.exercise(number, dir: dir)
      serverPort = try ExerciseLearner.freePort()
      relay = try OriginalChat.python(
        [ExerciseLiveTests.relays, kind, dir, String(serverPort)], name: "relay \(kind)")
      let line = try relay.waitForLine(containing: "relay: on 127.0.0.1:")
      proxyPort = try #require(UInt16(try firstMatch(#"127\.0\.0\.1:(\d+)"#, in: line)))
    }

    /// `learnchat check N --live` against the relay.
    func check(_ number: Int) throws -> ExerciseLearner.Run {
      try learner.check(
        number,
        ["--live", "--proxy-port", String(proxyPort), "--server-port", String(serverPort)])
    }
  }

  @Test("6: a relay that sends the transfer twice makes the server pay twice")
  func replay() throws {
    let setup = try Setup(exercise: 6, relay: "replay")
    defer { setup.relay.terminate() }
    let check = try setup.check(6)
    #expect(check.status == 0, "\(check.output)\(check.errors)")
    #expect(check.output.contains("Right. The server carried out the transfer twice"))
    // The evidence: the server's lines, its reads, the copy, the verdict by lesson 3's rules.
    let transfer = try firstMatch(#"\[Peer\]: (Please transfer [^\n]+)"#, in: check.output)
    let shown = check.output.components(separatedBy: "[Peer]: \(transfer)").count - 1
    #expect(shown == 2, "\(check.output)")
    #expect(check.output.contains("byte for byte the frame of read 2 again"))
    #expect(check.output.contains("Verdict, by lessons 3 and 4's rules: SUCCEEDED"))
  }

  @Test("7: a relay that sends the client's message back makes it talk to itself")
  func reflection() throws {
    let setup = try Setup(exercise: 7, relay: "reflect")
    defer { setup.relay.terminate() }
    let check = try setup.check(7)
    #expect(check.status == 0, "\(check.output)\(check.errors)")
    let message = try firstMatch(#"You: (I am at [^\n]+)"#, in: check.output)
    #expect(check.output.contains("[Peer]: \(message)"), "\(check.output)")
    #expect(check.output.contains("SUCCEEDED: the client showed its own words"))
  }

  @Test("9: a man in the middle holds the session key, reads the secret, and check takes it")
  func manInTheMiddle() throws {
    let setup = try Setup(exercise: 9, relay: "mitm")
    defer { setup.relay.terminate() }
    let check = try setup.check(9)
    #expect(check.status == 0, "\(check.output)\(check.errors)")
    #expect(Self.verdict(check).hasPrefix("Right so far."), "\(check.output)")
    // The relay read the secret; learnchat's evidence hides it.
    let line = try setup.relay.waitForLine(containing: "PLAINTEXT: The secret is ")
    let secret = String(try firstMatch(#"The secret is (\S+)"#, in: line).dropLast())
    #expect(!check.output.contains(secret), "\(check.output)")
    #expect(!check.output.contains("Exercise 9 is done"))
    let answer = try setup.learner.check(9, [secret])
    #expect(answer.status == 0 && answer.output.contains("Exercise 9 is done"), "\(answer.output)")
  }

  @Test("a relay that only passes the bytes on fails every live exercise", arguments: [6, 7, 9])
  func passThrough(exercise: Int) throws {
    let setup = try Setup(exercise: exercise, relay: "passthrough")
    defer { setup.relay.terminate() }
    let check = try setup.check(exercise)
    #expect(check.status == 1, "\(check.output)\(check.errors)")
    #expect(Self.verdict(check).hasPrefix("Not yet."), "\(check.output)")
    let expected = [
      6: "passed everything on unchanged", 7: "showed only what the server said",
      9: "passed the server's own public key",
    ]
    #expect(check.output.contains(expected[exercise]!), "\(check.output)")
    #expect(check.output.contains("Verdict, by lessons 3 and 4's rules: FAILED"), "\(check.output)")
  }

  @Test("a program that never listens ends with a clear message after the timeout")
  func neverListens() throws {
    let learner = try ExerciseLearner()
    try learner.exercise(6, dir: learner.files.path("live"))
    let (proxy, server) = (try ExerciseLearner.freePort(), try ExerciseLearner.freePort())
    try #require(proxy != server)
    let check = try learner.check(
      6,
      ["--live", "--proxy-port", String(proxy), "--server-port", String(server), "--timeout", "1"])
    #expect(check.status == 1)
    #expect(
      check.output.contains(
        "Nothing listened on 127.0.0.1:\(proxy) within 1 s: start your program first"),
      "\(check.output)")
  }

  @Test("a program that takes the client but never connects to the server is told so")
  func neverConnects() throws {
    let setup = try Setup(exercise: 7, relay: "silent")
    defer { setup.relay.terminate() }
    let check = try setup.learner.check(
      7,
      [
        "--live", "--proxy-port", String(setup.proxyPort), "--server-port",
        String(setup.serverPort), "--timeout", "1",
      ])
    #expect(check.status == 1)
    #expect(
      check.output.contains(
        "never connected to learnchat's server on 127.0.0.1:\(setup.serverPort) within 1 s"),
      "\(check.output)")
  }
}
