import LearnchatWire
import Testing

@Suite struct WireTapTests {
  @Test func keepsRecordsInOrderWithRisingIndexes() {
    let tap = WireTap()
    tap.record(.sent, [1, 2])
    tap.record(.received, [3])
    tap.record(.sent, [4])
    #expect(
      tap.records == [
        WireRecord(index: 0, direction: .sent, bytes: [1, 2]),
        WireRecord(index: 1, direction: .received, bytes: [3]),
        WireRecord(index: 2, direction: .sent, bytes: [4]),
      ])
    #expect(tap.sentBytes == [1, 2, 4])
    #expect(tap.receivedBytes == [3])
  }

  @Test func drainTakesRecordsAndIndexesCarryOn() {
    let tap = WireTap()
    tap.record(.sent, [1])
    #expect(tap.drain() == [WireRecord(index: 0, direction: .sent, bytes: [1])])
    #expect(tap.records.isEmpty)
    tap.record(.received, [2])
    tap.clear()
    #expect(tap.records.isEmpty)
    tap.record(.received, [3])
    #expect(tap.drain() == [WireRecord(index: 2, direction: .received, bytes: [3])])
  }

  @Test func tapsSharingAClockNumberOneTimeline() {
    let clock = WireTapClock()
    let first = WireTap(clock: clock)
    let second = WireTap(clock: clock)
    first.record(.sent, [1])
    second.record(.received, [1])
    first.record(.received, [2])
    #expect(first.drain().map(\.index) == [0, 2])
    #expect(second.drain().map(\.index) == [1])
  }

  @Test func recordsWhatCrossesTheSocketOnBothEnds() throws {
    let (server, client) = try makeTestPair()
    defer {
      server.close()
      client.close()
    }
    let clientTap = WireTap()
    let serverTap = WireTap()
    client.tap = clientTap
    server.tap = serverTap

    try client.writeAll([UInt8](text: "hello"))
    try client.writeAll([UInt8](text: "world"))
    #expect(try server.readExactly(10) == [UInt8](text: "helloworld"))
    try server.writeAll([UInt8](text: "ok"))
    #expect(try client.readExactly(2) == [UInt8](text: "ok"))

    let clientRecords = clientTap.records
    #expect(clientRecords.map(\.direction) == [.sent, .sent, .received])
    #expect(
      clientRecords.map(\.bytes) == [
        [UInt8](text: "hello"), [UInt8](text: "world"), [UInt8](text: "ok"),
      ])
    #expect(clientRecords.map(\.index) == [0, 1, 2])

    // However the ten bytes were split into reads, the records hold them in order.
    let serverRecords = serverTap.records
    #expect(serverRecords.last?.direction == .sent)
    #expect(serverRecords.dropLast().allSatisfy { $0.direction == .received })
    #expect(serverTap.receivedBytes == [UInt8](text: "helloworld"))
    #expect(serverTap.sentBytes == [UInt8](text: "ok"))
    #expect(serverRecords.map(\.index) == Array(0..<serverRecords.count))
  }

  @Test func untappedTrafficIsNotRecorded() throws {
    let (server, client) = try makeTestPair()
    defer {
      server.close()
      client.close()
    }
    let tap = WireTap()
    try client.writeAll([1])
    client.tap = tap
    try client.writeAll([2])
    client.tap = nil
    try client.writeAll([3])
    #expect(try server.readExactly(3) == [1, 2, 3])
    #expect(tap.records == [WireRecord(index: 0, direction: .sent, bytes: [2])])
  }
}
