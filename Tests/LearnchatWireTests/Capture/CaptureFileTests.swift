import Foundation
import LearnchatTestSupport
import LearnchatWire
import Testing

/// The capture writer as a pure function: values in, a pcapng file out, read back by the tests'
/// own reader (`PcapngReader`) and checked as a TCP receiver would (`TCPStreamCheck`).
@Suite struct CaptureFileTests {
  static let client = CaptureEndpoint(address: IPAddress("10.0.0.1")!, port: 40_000)
  static let server = CaptureEndpoint(address: IPAddress("10.0.0.2")!, port: 5002)

  static func at(_ milliseconds: Int64) -> WireTimestamp {
    WireTimestamp(nanosecondsSince1970: 1_700_000_000_000_000_000 + milliseconds * 1_000_000)
  }

  static func record(
    _ index: Int, _ direction: WireRecord.Direction, _ bytes: [UInt8], at milliseconds: Int64
  ) -> WireRecord {
    WireRecord(index: index, direction: direction, bytes: bytes, timestamp: at(milliseconds))
  }

  static func connection(
    tapped: CaptureConnection.TappedEnd = .client, records: [WireRecord],
    closed: Int64? = nil, peerClosed: Int64? = nil,
    client: CaptureEndpoint = client, server: CaptureEndpoint = server
  ) -> CaptureConnection {
    CaptureConnection(
      client: client, server: server, tappedEnd: tapped, opened: at(0),
      closed: closed.map(at), peerClosed: peerClosed.map(at), records: records)
  }

  /// Reads the file for `connections` and checks each connection's stream; returns the reader.
  static func readChecked(_ connections: [CaptureConnection]) throws -> (
    PcapngReader, [TCPStreamCheck]
  ) {
    let reader = try PcapngReader(CaptureFile.bytes(connections))
    let checks = connections.indices.map { index in
      TCPStreamCheck(
        reader.packets.filter { $0.interface == index }, client: connections[index].client)
    }
    for check in checks { #expect(check.problems == []) }
    return (reader, checks)
  }

  @Test func noConnectionsIsASectionHeaderAlone() throws {
    let bytes = CaptureFile.bytes([])
    #expect(Array(bytes.prefix(4)) == [0x0A, 0x0D, 0x0D, 0x0A])
    let reader = try PcapngReader(bytes)
    #expect(reader.interfaces.isEmpty)
    #expect(reader.packets.isEmpty)
    #expect(reader.application == "learnchat")
    #expect(reader.sectionComment?.contains("synthesized") == true)
  }

  @Test func aChatBecomesHandshakeDataAcksAndFins() throws {
    let records = [
      Self.record(0, .sent, Array("hello".utf8), at: 1),
      Self.record(1, .received, Array("hi there".utf8), at: 2),
      Self.record(2, .sent, Array("bye".utf8), at: 3),
    ]
    let (reader, checks) = try Self.readChecked([Self.connection(records: records, closed: 4)])
    #expect(
      checks[0].flagTrace == [
        "c SYN", "s SYN ACK", "c ACK",
        "c PSH ACK", "s ACK", "s PSH ACK", "c ACK", "c PSH ACK", "s ACK",
        "c FIN ACK", "s ACK", "s FIN ACK", "c ACK",
      ])
    #expect(checks[0].clientBytes == Array("hellobye".utf8))
    #expect(checks[0].serverBytes == Array("hi there".utf8))
    let first = reader.packets[0]
    #expect(first.source == Self.client.address.bytes)
    #expect(first.destination == Self.server.address.bytes)
    #expect(first.tcp.sourcePort == 40_000 && first.tcp.destinationPort == 5002)
    #expect(first.tcp.options == [2, 4, 0xFF, 0xD7])  // MSS 65,495
    #expect(reader.packets.allSatisfy { !$0.isIPv6 && $0.data[8] == 64 })
    #expect(reader.interfaces.count == 1)
    #expect(reader.interfaces[0].linkType == 101)
    #expect(reader.interfaces[0].timestampResolution == 9)
  }

  @Test func timesComeFromTheRecordsAndOnlyEverRise() throws {
    let records = [
      Self.record(0, .sent, [1], at: 10),
      // A clock that stepped back: the packets still rise, by a microsecond.
      Self.record(1, .received, [2], at: 5),
    ]
    let (reader, _) = try Self.readChecked([Self.connection(records: records, closed: 20)])
    let times = reader.packets.map(\.timestamp)
    let opened = UInt64(Self.at(0).nanosecondsSince1970)
    #expect(times[0] == opened)
    #expect(times[3] == UInt64(Self.at(10).nanosecondsSince1970))
    #expect(times[5] == times[4] + 1_000)
    #expect(times.last! >= UInt64(Self.at(20).nanosecondsSince1970))
  }

  @Test func aRecordOverTheSegmentLimitIsSplitAndEachPartAcknowledged() throws {
    var generator = SeededRandom(seed: 12)
    let big = (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let (reader, checks) = try Self.readChecked([
      Self.connection(records: [Self.record(0, .received, big, at: 1)], closed: 2)
    ])
    let data = reader.packets.filter { !$0.tcp.payload.isEmpty }
    #expect(data.map(\.tcp.payload.count) == [65_495, 65_495, 65_495, 3_515])
    #expect(data.map(\.tcp.push) == [false, false, false, true])
    #expect(data.allSatisfy { $0.data.count <= 65_535 })
    #expect(checks[0].serverBytes == big)
    #expect(
      checks[0].flagTrace[3..<11] == [
        "s ACK", "c ACK", "s ACK", "c ACK", "s ACK", "c ACK", "s PSH ACK", "c ACK",
      ])
    #expect(data[0].comment?.contains("part 1 of 4") == true)
  }

  @Test func noRecordsStillOpensAndCloses() throws {
    let (_, checks) = try Self.readChecked([Self.connection(records: [], closed: 1)])
    #expect(
      checks[0].flagTrace == [
        "c SYN", "s SYN ACK", "c ACK", "c FIN ACK", "s ACK", "s FIN ACK", "c ACK",
      ])
  }

  @Test func emptyRecordsMakeNoSegments() throws {
    let (_, checks) = try Self.readChecked([
      Self.connection(records: [Self.record(0, .sent, [], at: 1)])
    ])
    #expect(checks[0].flagTrace == ["c SYN", "s SYN ACK", "c ACK"])
  }

  @Test func anOpenConnectionHasNoFins() throws {
    let (_, checks) = try Self.readChecked([
      Self.connection(records: [Self.record(0, .sent, [7], at: 1)])
    ])
    #expect(checks[0].flagTrace == ["c SYN", "s SYN ACK", "c ACK", "c PSH ACK", "s ACK"])
  }

  @Test func thePeerClosingFirstSendsTheFirstFin() throws {
    // The server's tap: the client sent "q", closed; the server read end of stream, then closed.
    let records = [
      Self.record(0, .received, Array("q".utf8), at: 1),
      Self.record(1, .sent, Array("late".utf8), at: 4),
    ]
    let (reader, checks) = try Self.readChecked([
      Self.connection(tapped: .server, records: records, closed: 5, peerClosed: 3)
    ])
    #expect(
      checks[0].flagTrace == [
        "c SYN", "s SYN ACK", "c ACK", "c PSH ACK", "s ACK",
        "c FIN ACK", "s ACK", "s PSH ACK", "c ACK", "s FIN ACK", "c ACK",
      ])
    #expect(reader.packets[5].comment?.contains("read end of stream") == true)
    #expect(reader.packets[9].comment?.contains("the server closed its socket") == true)
  }

  @Test func thePeersFinNeverComesBeforeItsData() throws {
    // End of stream timed before the last read (impossible, but a caller's values can say it).
    let records = [Self.record(0, .received, [1, 2], at: 5)]
    let (_, checks) = try Self.readChecked([
      Self.connection(records: records, peerClosed: 2)
    ])
    #expect(
      checks[0].flagTrace == [
        "c SYN", "s SYN ACK", "c ACK", "s PSH ACK", "c ACK", "s FIN ACK", "c ACK",
      ])
  }

  @Test func aPeerFinAfterOurCloseComesAfterOurs() throws {
    let (_, checks) = try Self.readChecked([
      Self.connection(records: [], closed: 2, peerClosed: 3)
    ])
    #expect(
      checks[0].flagTrace == [
        "c SYN", "s SYN ACK", "c ACK", "c FIN ACK", "s ACK", "s FIN ACK", "c ACK",
      ])
  }

  @Test func ipv6ConnectionsHaveIPv6Headers() throws {
    let client = CaptureEndpoint(address: IPAddress("::1")!, port: 50_000)
    let server = CaptureEndpoint(address: IPAddress("fe80::2")!, port: 5002)
    let (reader, checks) = try Self.readChecked([
      Self.connection(
        records: [Self.record(0, .sent, [1, 2, 3], at: 1)], closed: 2, client: client,
        server: server)
    ])
    #expect(reader.packets.allSatisfy { $0.isIPv6 && $0.data[7] == 64 })
    #expect(reader.packets[0].source == client.address.bytes)
    #expect(reader.packets[0].destination == server.address.bytes)
    #expect(checks[0].clientBytes == [1, 2, 3])
  }

  @Test func mixedFamiliesBecomeIPv6WithTheIPv4AddressMapped() throws {
    let server = CaptureEndpoint(address: IPAddress("::1")!, port: 5002)
    let (reader, _) = try Self.readChecked([
      Self.connection(records: [Self.record(0, .sent, [1], at: 1)], server: server)
    ])
    #expect(reader.packets.allSatisfy { $0.isIPv6 })
    #expect(reader.packets[0].source == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 10, 0, 0, 1])
  }

  @Test func connectionsGetAnInterfaceEachAndInterleaveInTime() throws {
    let other = CaptureEndpoint(address: IPAddress("10.0.0.1")!, port: 40_001)
    let first = Self.connection(records: [Self.record(0, .sent, [1], at: 10)], closed: 30)
    var second = Self.connection(
      tapped: .server, records: [Self.record(0, .received, [2], at: 20)], closed: 25,
      client: other)
    second.opened = Self.at(5)
    let (reader, _) = try Self.readChecked([first, second])
    #expect(reader.interfaces.count == 2)
    #expect(reader.interfaces[1].description?.contains("10.0.0.1:40001") == true)
    #expect(reader.interfaces[1].description?.contains("server's tap") == true)
    let interfaces: [Int] = [0, 0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0]
    #expect(reader.packets.map(\.interface) == interfaces)
    let times = reader.packets.map(\.timestamp)
    #expect(times == times.sorted())
    let synSequences = reader.packets.filter { $0.tcp.syn }.map(\.tcp.sequence)
    #expect(Set(synSequences).count == 4)
  }

  @Test func theSameValuesGiveTheSameFile() {
    let records = [Self.record(0, .sent, [1, 2], at: 1), Self.record(1, .received, [3], at: 2)]
    let connection = Self.connection(records: records, closed: 3)
    #expect(CaptureFile.bytes([connection]) == CaptureFile.bytes([connection]))
    var moved = connection
    moved.client.port += 1
    #expect(CaptureFile.bytes([connection]) != CaptureFile.bytes([moved]))
  }

  @Test func commentsSayWhichTapRecordEachPayloadCameFrom() throws {
    let records = [Self.record(7, .received, [1, 2, 3], at: 1)]
    let (reader, _) = try Self.readChecked([Self.connection(tapped: .server, records: records)])
    #expect(reader.packets[0].comment?.contains("synthesized") == true)
    #expect(reader.packets[3].comment == "learnchat tap record 7: read by the server, 3 bytes")
    #expect(reader.packets[4].comment == nil)
  }

  @Test func timesBeforeTheEpochDoNotCrashTheWriter() throws {
    var connection = Self.connection(records: [Self.record(0, .sent, [1], at: 1)])
    connection.opened = WireTimestamp(nanosecondsSince1970: .min)
    connection.records = [
      WireRecord(
        index: 0, direction: .sent, bytes: [1], timestamp: WireTimestamp(nanosecondsSince1970: -5))
    ]
    let (reader, _) = try Self.readChecked([connection])
    #expect(reader.packets.count == 5)
  }

  @Test func theReadersChecksumCheckCatchesAFlippedByte() throws {
    let connection = Self.connection(records: [Self.record(0, .sent, [1, 2, 3], at: 1)])
    var bytes = CaptureFile.bytes([connection])
    let payload = try #require(bytes.lastIndex(of: 3))
    bytes[payload] ^= 0x01
    let reader = try PcapngReader(bytes)
    let check = TCPStreamCheck(reader.packets, client: connection.client)
    #expect(check.problems == ["packet 4: bad TCP checksum"])
  }

  @Test func writesTheFileAndNamesThePathWhenItCannot() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("learnchat-capture-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let connection = Self.connection(records: [Self.record(0, .sent, [1], at: 1)], closed: 2)
    let path = folder + "/chat.pcapng"
    try CaptureFile.write([connection], to: path)
    #expect(
      try Array(Data(contentsOf: URL(fileURLWithPath: path))) == CaptureFile.bytes([connection]))
    let missing = folder + "/no/such/folder/chat.pcapng"
    #expect(throws: CaptureError.cannotWrite(path: missing, message: "No such file or directory")) {
      try CaptureFile.write([connection], to: missing)
    }
  }
}
