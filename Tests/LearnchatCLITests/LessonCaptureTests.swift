import Foundation
import LearnchatTestSupport
import Testing

/// `learnchat lesson N --pcap FILE`: the lesson's connections as Wireshark sees them.
@Suite(
  "learnchat lesson --pcap", .enabled(if: Tshark.shouldRun, Comment(rawValue: Tshark.skipReason)))
struct LessonCaptureTests {
  let lessons = ["--lessons", LearnchatBinary.fixtureLessons]

  @Test("lesson 2's capture: one clean TCP stream whose frames are the exported ones")
  func lesson2() throws {
    let folder = try TemporaryFolder()
    let capture = folder.path + "/lesson2.pcapng"
    let run = try LearnchatBinary.run(
      ["lesson", "2", "--seed", "pcap", "--pcap", capture, "--export", folder.path + "/out"]
        + lessons)
    #expect(run.status == 0, "\(run.errorOutput)")
    let trouble = try Tshark.trouble(file: capture, in: folder.path)
    #expect(trouble.standardOutput.isEmpty, "\(trouble.standardOutput)")
    #expect(trouble.complaints.isEmpty, "\(trouble.complaints)")
    let ports = try Tshark.run(
      ["-Y", "tcp.flags.syn == 1 && tcp.flags.ack == 0", "-T", "fields", "-e", "tcp.dstport"],
      file: capture, in: folder.path)
    let serverPort = ports.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(!serverPort.isEmpty && !serverPort.contains("\n"), "one connection")
    // The dissector on the lesson's ports ("Decode As"): the message frame's fields.
    let fields = try Tshark.run(
      Tshark.decodingEveryPort(as: "learnchat", file: capture, in: folder.path) + [
        "-o", "learnchat.demo:2", "-Y", "learnchat.nonce", "-T", "fields", "-e", "learnchat.nonce",
      ], file: capture, in: folder.path)
    let frame = try Data(
      contentsOf: URL(fileURLWithPath: folder.path + "/out/frame-3-client-message.bin"))
    let nonce = frame.dropFirst(4).prefix(12).map { String(format: "%02x", $0) }.joined()
    let captured = fields.standardOutput.split(separator: "\n").map {
      $0.replacingOccurrences(of: ":", with: "")
    }
    #expect(captured.first == nonce, "\(fields.standardOutput)")
  }

  @Test(
    "lesson 3's capture: a stream for each connection, client to attacker and attacker to server")
  func lesson3() throws {
    let folder = try TemporaryFolder()
    let capture = folder.path + "/lesson3.pcapng"
    let run = try LearnchatBinary.run(
      ["lesson", "3", "--seed", "pcap", "--pcap", capture] + lessons)
    #expect(run.status == 0, "\(run.errorOutput)")
    let streams = try Tshark.run(
      ["-T", "fields", "-e", "tcp.stream"], file: capture, in: folder.path)
    #expect(Set(streams.standardOutput.split(separator: "\n")).count >= 2)
    let trouble = try Tshark.trouble(file: capture, in: folder.path)
    #expect(trouble.standardOutput.isEmpty, "\(trouble.standardOutput)")
  }
}
