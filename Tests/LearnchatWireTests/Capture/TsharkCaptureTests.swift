import Foundation
import LearnchatTestSupport
import LearnchatWire
import Testing

/// Captures of real loopback connections, read by Debian's tshark with the learnchat dissector:
/// no warnings, the streams followed byte for byte, and the dissector's fields equal to the
/// frames that were sent.
@Suite(.enabled(if: Tshark.shouldRun, Comment(rawValue: Tshark.skipReason)))
struct TsharkCaptureTests {
  /// A folder for the capture files, kept when LEARNCHAT_CAPTURE_DIR names one (to open them in
  /// Wireshark), otherwise temporary.
  final class Folder {
    let path: String
    private let temporary: Bool

    init(_ name: String) throws {
      if let kept = ProcessInfo.processInfo.environment["LEARNCHAT_CAPTURE_DIR"] {
        path = kept + "/" + name
        temporary = false
      } else {
        path =
          FileManager.default.temporaryDirectory
          .appendingPathComponent("learnchat-tshark-\(UUID().uuidString)").path
        temporary = true
      }
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
      if temporary { try? FileManager.default.removeItem(atPath: path) }
    }
  }

  static let scenarios: [DemoScenario] = [
    DemoScenario.demo1(), try! DemoScenario.demo2(), try! DemoScenario.demo3(),
  ]

  @Test(arguments: scenarios, [TappedChat.Speaker.client, .server])
  func aLoopbackChatReadsCleanlyFollowsAndDissects(
    scenario: DemoScenario, tapped: TappedChat.Speaker
  ) throws {
    var chat = try TappedChat()
    try chat.play(scenario.turns)
    try chat.close()
    let connection = try chat.capture(from: tapped)
    let folder = try Folder("\(scenario.name.replacingOccurrences(of: " ", with: ""))-\(tapped)")
    let file = folder.path + "/chat.pcapng"
    try CaptureFile.write([connection], to: file)
    // The loopback server's port is not 5002: "Decode As" tells tshark which port is learnchat's.
    let decodeAs = try Tshark.decodingEveryPort(as: "learnchat", file: file, in: folder.path)

    let trouble = try Tshark.trouble(file: file, in: folder.path, reading: "learnchat")
    #expect(trouble.status == 0)
    #expect(trouble.complaints == [])
    #expect(trouble.standardOutput == "")

    let all = try Tshark.run(decodeAs, file: file, in: folder.path)
    let packetCount = all.standardOutput.split(separator: "\n").count
    #expect(packetCount == TCPStreamCheckCount.packets(in: connection))
    #expect(all.standardOutput.contains("learnchat"))

    let followed = try Tshark.run(
      decodeAs + ["-q", "-z", "follow,tcp,raw,0"], file: file, in: folder.path)
    let stream = try FollowedStream(followed.standardOutput)
    #expect(stream.firstNode == connection.client.description)
    #expect(stream.fromFirstNode == chat.clientSent)
    #expect(stream.fromSecondNode == chat.serverSent)

    let fields = try DissectedFields(
      names: scenario.fieldNames, clientPort: connection.client.port, file: file,
      folder: folder.path, extra: decodeAs)
    #expect(fields.client == scenario.clientFields)
    #expect(fields.server == scenario.serverFields)
  }
}

/// How many packets the writer makes for a connection, counted from the capture's own reader.
enum TCPStreamCheckCount {
  static func packets(in connection: CaptureConnection) -> Int {
    (try? PcapngReader(CaptureFile.bytes([connection])).packets.count) ?? -1
  }
}

/// The output of `tshark -q -z follow,tcp,raw,N`: the two nodes and the bytes each sent.
struct FollowedStream {
  var firstNode = ""
  var fromFirstNode: [UInt8] = []
  var fromSecondNode: [UInt8] = []

  init(_ output: String) throws {
    var inData = false
    for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("Node 0: ") {
        firstNode = String(line.dropFirst("Node 0: ".count))
      } else if line.hasPrefix("Node 1: ") {
        inData = true
      } else if line.hasPrefix("====") {
        inData = false
      } else if inData && !line.isEmpty {
        // The second node's data is indented by a tab.
        let fromSecond = line.hasPrefix("\t")
        let bytes = try Self.bytes(fromHex: line.trimmingCharacters(in: .whitespaces))
        if fromSecond { fromSecondNode += bytes } else { fromFirstNode += bytes }
      }
    }
  }

  static func bytes(fromHex text: some StringProtocol) throws -> [UInt8] {
    let digits = Array(text.utf8)
    guard digits.count % 2 == 0 else { throw TestFailure.mismatch("odd hex: \(text)") }
    return try stride(from: 0, to: digits.count, by: 2).map { index in
      guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16)
      else { throw TestFailure.mismatch("not hex: \(text)") }
      return byte
    }
  }
}

/// The learnchat fields tshark reports, per direction, every occurrence in packet order.
struct DissectedFields {
  var client: DemoScenario.Fields = [:]
  var server: DemoScenario.Fields = [:]

  init(
    names: [String], clientPort: UInt16, file: String, folder: String, extra: [String]
  ) throws {
    // A separator and aggregator that neither hex nor the test's texts contain.
    let arguments =
      extra + [
        "-Y", "learnchat", "-T", "fields", "-E", "separator=|", "-E", "occurrence=a",
        "-E", "aggregator=~", "-e", "tcp.srcport",
      ] + names.flatMap { ["-e", $0] }
    let output = try Tshark.run(arguments, file: file, in: folder)
    guard output.status == 0 else { throw TestFailure.mismatch(output.standardError) }
    for line in output.standardOutput.split(separator: "\n") {
      let columns = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
      guard columns.count == names.count + 1 else {
        throw TestFailure.mismatch("unexpected line: \(line)")
      }
      let fromClient = columns[0] == String(clientPort)
      for (name, column) in zip(names, columns.dropFirst()) where !column.isEmpty {
        let values = column.split(separator: "~", omittingEmptySubsequences: false).map(String.init)
        if fromClient {
          client[name, default: []] += values
        } else {
          server[name, default: []] += values
        }
      }
    }
  }
}
