import Foundation
import Testing

@testable import LearnchatLessons

/// Lessons 3 and 4: every attack's outcome is decided from what the victims did, and must be
/// what the lessons teach: most succeed against demo 2, none against demo 3.
@Suite("Attacks against demo 2 and demo 3")
struct AttackWalkthroughTests {
  static func outcomes(_ number: Int, seed: String? = "attacks") throws -> [String: AttackOutcome
    .Verdict]
  {
    let (run, _) = try WalkthroughRunTests.run(number, seed: seed)
    var verdicts: [String: AttackOutcome.Verdict] = [:]
    for report in run.reports {
      if let outcome = report.outcome { verdicts[report.stage.id] = outcome.verdict }
    }
    return verdicts
  }

  @Test(
    "against demo 2 (and demo 1): reading, replaying, reflecting, reordering, impersonating and nonce reuse work; the rest disrupt"
  )
  func demo2() throws {
    let verdicts = try Self.outcomes(3)
    #expect(
      verdicts == [
        "eavesdrop": .succeeded, "tamper-bit": .disrupted, "tamper-length": .disrupted,
        "replay": .succeeded, "reflection": .succeeded, "drop-reorder": .succeeded,
        "mitm": .succeeded, "nonce-reuse": .succeeded, "oversized-length": .disrupted,
      ])
  }

  @Test("against demo 3 nothing false gets through: every active attack ends the connection")
  func demo3() throws {
    let verdicts = try Self.outcomes(4)
    #expect(
      verdicts == [
        "tamper-bit": .disrupted, "tamper-length": .disrupted, "replay": .disrupted,
        "reflection": .disrupted, "drop-reorder": .disrupted, "mitm": .disrupted,
        "nonce-reuse": .failed, "oversized-length": .disrupted,
      ])
  }

  @Test("the verdict follows from the observations alone")
  func verdictRules() {
    typealias Observed = AttackOutcome.Observed
    func verdict(_ observed: Observed) -> AttackOutcome.Verdict {
      AttackOutcome(observed, summary: "").verdict
    }
    #expect(verdict(Observed()) == .failed)
    #expect(verdict(Observed(messageLost: true)) == .disrupted)
    #expect(verdict(Observed(connectionEnded: true)) == .disrupted)
    #expect(verdict(Observed(acceptedFalse: true, connectionEnded: true)) == .succeeded)
    #expect(verdict(Observed(learnedSecret: true)) == .succeeded)

    var stream = Observed()
    stream.add(sent: ["a", "b"], reads: [.shown("a")])
    #expect(stream == Observed(messageLost: true), "a prefix in order is true, if short")
    stream = Observed()
    stream.add(sent: ["a", "b"], reads: [.shown("b"), .shown("a")])
    #expect(stream.acceptedFalse, "out of order is false")
    stream = Observed()
    stream.add(sent: ["a"], reads: [.shown("a"), .shown("a")])
    #expect(stream.acceptedFalse, "a copy is false")
    stream = Observed()
    stream.add(sent: ["a"], reads: [.shown("a"), .closed])
    #expect(stream == Observed(connectionEnded: true))
  }

  @Test("lesson 4 numbers the drop and reorder messages from 0 in its lines and its verdict")
  func demo3DropReorderNumbering() throws {
    let (run, _) = try WalkthroughRunTests.run(4)
    let stage = try #require(run.reports.first { $0.stage.id == "drop-reorder" })
    let attacker = stage.console.filter { $0.actor == .attacker }.map(\.text)
    #expect(
      attacker == [
        "try 1, reorder: passed on message 1 first, holding message 0 back",
        "try 2, drop: passed on message 0, dropped message 1, passed on message 2",
      ])
    let server = stage.console.filter { $0.actor == .server }.map(\.text)
    #expect(server.count == 3)
    #expect(server[0].hasPrefix("[!] message 0 failed authentication"))
    #expect(server[1] == "[Peer]: \(Demo3Attacks.orders[0])")
    #expect(server[2].hasPrefix("[!] message 1 failed authentication"))
    #expect(stage.console.filter { $0.actor == .client }.count == 6, "the client's messages shown")
    #expect(stage.outcome?.summary.contains("message 2 where message 1 belonged") == true)
  }

  @Test("the attacks work without a seed too (real randomness)")
  func unseeded() throws {
    #expect(try Self.outcomes(3, seed: nil)["mitm"] == .succeeded)
    #expect(try Self.outcomes(4, seed: nil)["mitm"] == .disrupted)
  }

  @Test("the man in the middle of demo 2 read the message and the server printed the rewrite")
  func manInTheMiddleDetails() throws {
    let (run, output) = try WalkthroughRunTests.run(3)
    let mitm = try #require(run.reports.first { $0.stage.id == "mitm" })
    #expect(
      mitm.console.contains(.init(actor: .server, text: "[Peer]: Meet me at the library at nine.")))
    #expect(
      mitm.console.contains(
        .init(
          actor: .attacker,
          text:
            "read: Meet me at the library at noon.; sent instead: Meet me at the library at nine."))
    )
    #expect(output.contains("Attack SUCCEEDED"))
  }

  @Test("nonce reuse: the recovered text is the secret message")
  func nonceReuse() throws {
    let (run, _) = try WalkthroughRunTests.run(3)
    let stage = try #require(run.reports.first { $0.stage.id == "nonce-reuse" })
    #expect(stage.values["secret"] == "The door code is 4172, come in.")
  }

  @Test("demo 3's refusals name the mechanism: sequence, key, pin, signature")
  func demo3Reasons() throws {
    let (run, _) = try WalkthroughRunTests.run(4)
    let values = Dictionary(uniqueKeysWithValues: run.reports.map { ($0.stage.id, $0.values) })
    #expect(values["replay"]?["server_error"]?.hasPrefix("message 1 failed authentication") == true)
    #expect(
      values["reflection"]?["client_error"]?.hasPrefix("message 0 failed authentication") == true)
    #expect(values["mitm"]?["client_error"]?.hasPrefix("THE SERVER'S IDENTITY HAS CHANGED") == true)
    #expect(values["mitm"]?["signature_error"]?.contains("signature") == true)
    #expect(
      values["oversized-length"]?["server_error"]?.contains("exceeds the 1048576-byte limit")
        == true)
    #expect(values["keys"]?["client_key"] != values["keys"]?["server_key"])
  }

  @Test("seeded runs of lessons 3 and 4 repeat exactly")
  func seeded() throws {
    #expect(
      try WalkthroughRunTests.run(3, seed: "s").output
        == WalkthroughRunTests.run(3, seed: "s").output)
    #expect(
      try WalkthroughRunTests.run(4, seed: "s").output
        == WalkthroughRunTests.run(4, seed: "s").output)
  }
}
