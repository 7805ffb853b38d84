import Foundation
import Testing

@testable import LearnchatLessons

/// `transcript.json` holds every read and write of every socket: for each connection, what one
/// end wrote is what the other end read, stage by stage in lessons 3 and 4, where every stage
/// opens and closes its own connections.
@Suite("Transcript records")
struct TranscriptRecordsTests {
  typealias Record = ExportWriter.Transcript.Record

  /// The transcript `--export` would write for lesson `number`.
  static func transcript(_ number: Int) throws -> ExportWriter.Transcript {
    let (run, _) = try WalkthroughRunTests.run(number)
    return ExportWriter.transcript(run, files: [])
  }

  /// The bytes `actor`'s socket facing `peer` moved in `direction`, concatenated.
  static func bytes(_ records: [Record], _ actor: String, _ peer: String, _ direction: String)
    -> String
  {
    records.filter { $0.actor == actor && $0.peer == peer && $0.direction == direction }
      .map(\.hex).joined()
  }

  /// Every end of every connection in `records`: what it wrote, the other end read.
  static func expectBothEndsAgree(_ records: [Record], stage: String) {
    let ends = Set(records.map { "\($0.actor) \($0.peer)" })
    for end in ends {
      let parts = end.split(separator: " ").map(String.init)
      let (actor, peer) = (parts[0], parts[1])
      #expect(
        bytes(records, actor, peer, "sent") == bytes(records, peer, actor, "received"),
        "stage \(stage): \(actor) wrote to \(peer) what \(peer) read")
      #expect(ends.contains("\(peer) \(actor)"), "stage \(stage): \(peer)'s end is recorded too")
    }
  }

  @Test(
    "lessons 3 and 4: in every stage, each side read exactly what the other wrote",
    arguments: [3, 4])
  func everyStageBalances(lesson: Int) throws {
    let transcript = try Self.transcript(lesson)
    #expect(transcript.stages.count == (lesson == 3 ? 9 : 13))
    for stage in transcript.stages {
      Self.expectBothEndsAgree(stage.records, stage: stage.id)
    }
  }

  @Test(
    "lessons 1 and 2: over the run, each side read exactly what the other wrote", arguments: [1, 2])
  func wholeRunBalances(lesson: Int) throws {
    let transcript = try Self.transcript(lesson)
    Self.expectBothEndsAgree(transcript.stages.flatMap(\.records), stage: "all")
  }

  @Test("lesson 3's eavesdropping has all four ends, and the bit flip its handshake frames")
  func lessonThreeHasEverySocket() throws {
    let stages = Dictionary(
      uniqueKeysWithValues: try Self.transcript(3).stages.map { ($0.id, $0.records) })
    let eavesdrop = try #require(stages["eavesdrop"])
    #expect(
      Set(eavesdrop.map { "\($0.actor)→\($0.peer) \($0.direction)" }) == [
        "client→attacker sent", "attacker→client received", "attacker→server sent",
        "server→attacker received",
      ])
    let tamper = try #require(stages["tamper-bit"])
    // The public-key frame (455 bytes) and the wrapped key (260) before the message frame.
    let serverWrites = tamper.filter { $0.actor == "server" && $0.direction == "sent" }
    #expect(serverWrites.first?.hex.hasPrefix("000001c3") == true)
    let clientWrites = tamper.filter { $0.actor == "client" && $0.direction == "sent" }
    #expect(clientWrites.first?.hex.hasPrefix("00000100") == true)
    #expect(clientWrites.count == 2)
  }

  @Test("records are in the order the system calls happened")
  func chronological() throws {
    let stages = try Self.transcript(3).stages
    let eavesdrop = try #require(stages.first { $0.id == "eavesdrop" }).records
    #expect(
      eavesdrop.map { "\($0.actor) \($0.direction)" } == [
        "client sent", "attacker received", "attacker sent", "server received",
      ])
  }
}
