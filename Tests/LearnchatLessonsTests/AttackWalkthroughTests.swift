import Foundation
import Testing

@testable import LearnchatLessons

/// Lessons 3 and 4: every attack's outcome is decided from what the victims did, and must be
/// what the lessons teach: most succeed against demo 2, all fail against demo 3.
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
    "against demo 2 (and demo 1): reading, replaying, reflecting, dropping, impersonating and nonce reuse work"
  )
  func demo2() throws {
    let verdicts = try Self.outcomes(3)
    #expect(
      verdicts == [
        "eavesdrop": .succeeded, "tamper-bit": .failed, "tamper-length": .disrupted,
        "replay": .succeeded, "reflection": .succeeded, "drop-reorder": .succeeded,
        "mitm": .succeeded, "nonce-reuse": .succeeded, "oversized-length": .failed,
      ])
  }

  @Test("against demo 3 every attack fails")
  func demo3() throws {
    let verdicts = try Self.outcomes(4)
    #expect(verdicts.count == 8)
    #expect(verdicts.values.allSatisfy { $0 == .failed })
  }

  @Test("the attacks work without a seed too (real randomness)")
  func unseeded() throws {
    #expect(try Self.outcomes(3, seed: nil)["mitm"] == .succeeded)
    #expect(try Self.outcomes(4, seed: nil)["mitm"] == .failed)
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
