import Foundation
import LearnchatTestSupport
import LearnchatWire
import Testing

/// The dissector on captures made from values rather than sockets: the default port, IPv6, a
/// first frame split before its length is complete, the demo preference, and a hostile length.
@Suite(.enabled(if: Tshark.shouldRun, Comment(rawValue: Tshark.skipReason)))
struct TsharkDissectorTests {
  /// A closed connection whose client sent (`true`) or received (`false`) each of `turns`, one
  /// record each, a millisecond apart; the client is the tapped end.
  static func connection(
    _ turns: [(fromClient: Bool, bytes: [UInt8])], client: String = "192.0.2.1",
    server: String = "192.0.2.2", serverPort: UInt16 = 5002
  ) -> CaptureConnection {
    let start = WireTimestamp(secondsSince1970: 1_700_000_000)
    let records = turns.enumerated().map { index, turn in
      WireRecord(
        index: index, direction: turn.fromClient ? .sent : .received, bytes: turn.bytes,
        timestamp: start.adding(nanoseconds: Int64(index + 1) * 1_000_000))
    }
    return CaptureConnection(
      client: CaptureEndpoint(address: IPAddress(client)!, port: 49_152),
      server: CaptureEndpoint(address: IPAddress(server)!, port: serverPort),
      tappedEnd: .client, opened: start,
      closed: start.adding(nanoseconds: Int64(turns.count + 1) * 1_000_000), records: records)
  }

  /// A demo-3-shaped chat: ClientHello, ServerHello, one message each way.
  static func demo3Turns() throws -> [(fromClient: Bool, bytes: [UInt8])] {
    var generator = SeededRandom(seed: 33)
    return [
      (true, try frame(randomBytes(32, &generator))),
      (false, try frame(randomBytes(128, &generator))),
      (true, try frame(randomBytes(21, &generator))),
      (false, try frame(randomBytes(30, &generator))),
    ]
  }

  /// Writes `connections` and runs tshark on the file with `arguments`.
  static func tshark(
    _ arguments: [String], on connections: [CaptureConnection]
  ) throws -> Tshark.Output {
    let folder = try TsharkCaptureTests.Folder("values-\(UUID().uuidString.prefix(8))")
    let file = folder.path + "/capture.pcapng"
    try CaptureFile.write(connections, to: file)
    let output = try Tshark.run(arguments, file: file, in: folder.path)
    #expect(output.complaints == [])
    return output
  }

  static func lines(_ output: Tshark.Output) -> [String] {
    output.standardOutput.split(separator: "\n").map(String.init)
  }

  @Test func port5002IsLearnchatWithoutDecodeAsOverIPv6Too() throws {
    for (client, server) in [("192.0.2.1", "192.0.2.2"), ("2001:db8::1", "2001:db8::2")] {
      let connection = Self.connection(try Self.demo3Turns(), client: client, server: server)
      let trouble = try Self.tshark(["-Y", Tshark.troubleFilter], on: [connection])
      #expect(trouble.standardOutput == "")
      let kinds = try Self.tshark(
        ["-Y", "learnchat", "-T", "fields", "-e", "learnchat.kind", "-e", "learnchat.demo"],
        on: [connection])
      #expect(Self.lines(kinds) == ["5\t3", "6\t3", "4\t3", "4\t3"])
    }
  }

  @Test func anotherPortIsNotLearnchatUntilDecodeAsSaysSo() throws {
    let connection = Self.connection(try Self.demo3Turns(), serverPort: 6000)
    #expect(Self.lines(try Self.tshark(["-Y", "learnchat"], on: [connection])) == [])
    let decoded = try Self.tshark(
      ["-d", "tcp.port==6000,learnchat", "-Y", "learnchat"], on: [connection])
    #expect(Self.lines(decoded).count == 4)
    let preference = try Self.tshark(
      ["-o", "learnchat.port:6000", "-Y", "learnchat"], on: [connection])
    #expect(Self.lines(preference).count == 4)
  }

  @Test func aFirstFrameSplitInsideItsHeaderIsStillGuessed() throws {
    // The server's PEM frame arrives as 2 bytes, then 10, then the rest: the guess waits.
    let pem = try frame(Array("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n".utf8))
    var generator = SeededRandom(seed: 4)
    let connection = Self.connection([
      (false, Array(pem[..<2])), (false, Array(pem[2..<12])), (false, Array(pem[12...])),
      (true, try frame(randomBytes(256, &generator))),
    ])
    let trouble = try Self.tshark(["-Y", Tshark.troubleFilter], on: [connection])
    #expect(trouble.standardOutput == "")
    let fields = try Self.tshark(
      [
        "-Y", "learnchat", "-T", "fields", "-e", "learnchat.demo", "-e", "learnchat.kind",
        "-e", "learnchat.length",
      ], on: [connection])
    #expect(Self.lines(fields) == ["2\t2\t\(pem.count - 4)", "2\t3\t256"])
  }

  @Test func demo1TextIsShownWholeInTheTreeAndTamedInTheInfoColumn() throws {
    let hostile = "\u{1B}[2Jgone"
    let long = String(repeating: "é", count: 40)
    let connection = Self.connection([(true, Array(hostile.utf8)), (false, Array(long.utf8))])
    let shown = try Self.tshark(
      ["-Y", "learnchat", "-T", "fields", "-e", "learnchat.text", "-e", "_ws.col.Info"],
      on: [connection])
    // The field keeps every byte; the column shows a dot for the escape, and stops after 28
    // whole two-byte characters (56 bytes: 57 would cut one in half).
    #expect(
      Self.lines(shown) == [
        "\(hostile)\tDemo 1 client → server: \".[2Jgone\"",
        "\(long)\tDemo 1 server → client: \"\(String(repeating: "é", count: 28))...\"",
      ])
  }

  @Test func thePreferenceOverridesTheGuess() throws {
    let connection = Self.connection(try Self.demo3Turns())
    let forced = try Self.tshark(
      [
        "-o", "learnchat.demo:2", "-Y", "learnchat", "-T", "fields", "-e", "learnchat.demo",
        "-e", "learnchat.kind",
      ], on: [connection])
    // As demo 2: the first client frame is a wrapped key, the first server frame a PEM key.
    #expect(Self.lines(forced) == ["2\t3", "2\t2", "2\t4", "2\t4"])
  }

  @Test func anImpossibleLengthIsFlaggedAndNotWaitedFor() throws {
    var turns = try Self.demo3Turns()
    turns.append((true, [0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3]))
    turns.append((true, [9, 9, 9]))
    let connection = Self.connection(turns)
    let flagged = try Self.tshark(
      [
        "-Y", Tshark.troubleFilter, "-T", "fields", "-e", "frame.number",
        "-e", "learnchat.length",
      ], on: [connection])
    let warned = try Self.tshark(
      [
        "-Y", "learnchat.too_large && !_ws.malformed && !tcp.analysis.flags", "-T", "fields",
        "-e", "frame.number", "-e", "learnchat.length",
      ], on: [connection])
    // One packet in trouble, and the trouble is the dissector's warning, nothing else.
    #expect(Self.lines(flagged).count == 1)
    #expect(Self.lines(warned) == Self.lines(flagged))
    #expect(Self.lines(flagged).first?.hasSuffix("\t4294967295") == true)
    let after = try Self.tshark(
      ["-Y", "learnchat.kind == 8", "-T", "fields", "-e", "learnchat.body"], on: [connection])
    #expect(Self.lines(after) == ["090909"])
  }

  @Test func theTroubleFilterCatchesABadChecksum() throws {
    // Without this, an empty answer to the filter could mean the filter never matches anything.
    let connection = Self.connection(try Self.demo3Turns())
    var bytes = CaptureFile.bytes([connection])
    let packets = try PcapngReader(bytes).packets
    let payload = try #require(packets.first { $0.tcp.payload.count == 36 })
    let at = try #require(
      bytes.indices.first {
        bytes[$0..<min($0 + payload.data.count, bytes.count)].elementsEqual(payload.data)
      })
    bytes[at + payload.data.count - 1] ^= 0x01
    let folder = try TsharkCaptureTests.Folder("bad-checksum-\(UUID().uuidString.prefix(8))")
    let file = folder.path + "/capture.pcapng"
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    let trouble = try Tshark.run(
      ["-Y", Tshark.troubleFilter, "-T", "fields", "-e", "frame.number"],
      file: file, in: folder.path)
    #expect(Self.lines(trouble).count == 1)
  }
}
