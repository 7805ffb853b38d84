import LearnchatWire
import Testing

@Suite struct WireTapTests {
  /// A tap whose clock reads 1,000 s, then 1,000.001 s, and so on.
  private func steppingTap(keepsHistory: Bool = false) -> WireTap {
    WireTap(
      clock: SteppingWireClock(
        start: WireTimestamp(secondsSince1970: 1_000), stepNanoseconds: 1_000_000),
      keepsHistory: keepsHistory)
  }

  private func time(milliseconds: Int64) -> WireTimestamp {
    WireTimestamp(nanosecondsSince1970: 1_000_000_000_000 + milliseconds * 1_000_000)
  }

  @Test func keepsRecordsInOrderWithRisingIndexesAndTheClocksTimes() {
    let tap = steppingTap()
    tap.record(.sent, [1, 2])
    tap.record(.received, [3])
    tap.record(.sent, [4])
    #expect(
      tap.records == [
        WireRecord(index: 0, direction: .sent, bytes: [1, 2], timestamp: time(milliseconds: 0)),
        WireRecord(index: 1, direction: .received, bytes: [3], timestamp: time(milliseconds: 1)),
        WireRecord(index: 2, direction: .sent, bytes: [4], timestamp: time(milliseconds: 2)),
      ])
    #expect(tap.sentBytes == [1, 2, 4])
    #expect(tap.receivedBytes == [3])
    #expect(tap.history.isEmpty)
  }

  @Test func drainTakesRecordsAndIndexesCarryOn() {
    let tap = steppingTap()
    tap.record(.sent, [1])
    #expect(
      tap.drain() == [
        WireRecord(index: 0, direction: .sent, bytes: [1], timestamp: time(milliseconds: 0))
      ])
    #expect(tap.records.isEmpty)
    tap.record(.received, [2])
    tap.clear()
    #expect(tap.records.isEmpty)
    tap.record(.received, [3])
    #expect(
      tap.drain() == [
        WireRecord(index: 2, direction: .received, bytes: [3], timestamp: time(milliseconds: 2))
      ])
  }

  @Test func historyKeepsWhatDrainAndClearTook() {
    let tap = steppingTap(keepsHistory: true)
    tap.record(.sent, [1])
    _ = tap.drain()
    tap.record(.received, [2])
    tap.clear()
    tap.record(.sent, [3])
    #expect(tap.records.map(\.bytes) == [[3]])
    #expect(tap.history.map(\.bytes) == [[1], [2], [3]])
    #expect(tap.history.map(\.index) == [0, 1, 2])
  }

  @Test func realClockTimesNeverGoBackAcrossThreads() throws {
    let tap = WireTap()
    let writers = (0..<4).map { _ in
      Background { for _ in 0..<200 { tap.record(.sent, [0]) } }
    }
    for writer in writers { try writer.join() }
    let records = tap.records
    #expect(records.count == 800)
    #expect(records.map(\.index) == Array(0..<800))
    // The clock is read under the tap's lock, so index order is time order.
    #expect(zip(records, records.dropFirst()).allSatisfy { $0.timestamp <= $1.timestamp })
  }

  @Test func notesOpenCloseAndThePeersEndOfStream() throws {
    let (server, client) = try makeTestPair()
    defer { server.close() }
    let clientTap = steppingTap()
    let serverTap = steppingTap()
    #expect(clientTap.openedAt == nil)
    client.tap = clientTap
    server.tap = serverTap
    #expect(clientTap.openedAt == time(milliseconds: 0))
    try client.writeAll([1])
    #expect(try server.readExactly(1) == [1])
    client.close()
    #expect(clientTap.closedAt == time(milliseconds: 2))
    #expect(clientTap.endOfStreamAt == nil)
    #expect(try server.read(upTo: 10).isEmpty)
    #expect(serverTap.endOfStreamAt == time(milliseconds: 2))
    #expect(serverTap.closedAt == nil)
    server.close()
    server.close()
    #expect(serverTap.closedAt == time(milliseconds: 3))
  }

  @Test func shuttingDownWritingIsThisEndsFin() throws {
    let (server, client) = try makeTestPair()
    defer { closeBoth(server, client) }
    let tap = steppingTap()
    client.tap = tap
    try client.shutdown(.read)
    #expect(tap.closedAt == nil)
    try client.shutdown(.write)
    #expect(tap.closedAt == time(milliseconds: 1))
  }

  @Test func tapsSharingAClockNumberOneTimeline() {
    let sequence = WireTapSequence()
    let first = WireTap(sequence: sequence)
    let second = WireTap(sequence: sequence)
    first.record(.sent, [1])
    second.record(.received, [1])
    first.record(.received, [2])
    #expect(first.drain().map(\.index) == [0, 2])
    #expect(second.drain().map(\.index) == [1])
  }

  @Test func recordsWhatCrossesTheSocketOnBothEnds() throws {
    let (server, client) = try makeTestPair()
    defer { closeBoth(server, client) }
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
    defer { closeBoth(server, client) }
    let tap = WireTap()
    try client.writeAll([1])
    client.tap = tap
    try client.writeAll([2])
    client.tap = nil
    try client.writeAll([3])
    #expect(try server.readExactly(3) == [1, 2, 3])
    #expect(tap.records.map(\.bytes) == [[2]])
    #expect(tap.records.map(\.index) == [0])
  }
}
