import LearnchatTestSupport
import LearnchatWire

/// A real loopback connection with a tap on each end, driven through a script of writes, as a
/// demo's two peers would drive it; then closed by the client.
struct TappedChat {
  enum Speaker: Equatable {
    case client
    case server
  }

  /// One turn: who writes, and each write (a whole frame, part of one, or several).
  struct Turn {
    var speaker: Speaker
    var writes: [[UInt8]]
  }

  let client: TCPConnection
  let server: TCPConnection
  let clientTap: WireTap
  let serverTap: WireTap
  /// Everything each side wrote, in order.
  private(set) var clientSent: [UInt8] = []
  private(set) var serverSent: [UInt8] = []

  /// Connects over 127.0.0.1, taps on both ends from the first byte.
  init() throws {
    let listener = try TCPListener(host: "127.0.0.1", port: 0)
    defer { listener.close() }
    clientTap = WireTap(
      clock: SteppingWireClock(
        start: WireTimestamp(secondsSince1970: 1_700_000_000), stepNanoseconds: 1_000_000))
    serverTap = WireTap(
      clock: SteppingWireClock(
        start: WireTimestamp(secondsSince1970: 1_700_000_000), stepNanoseconds: 1_000_000))
    client = try TCPConnection.connect(host: "127.0.0.1", port: listener.port, tap: clientTap)
    server = try listener.accept(tap: serverTap)
    try client.setReadTimeout(30)
    try server.setReadTimeout(30)
  }

  /// Plays `turns`: each turn's writes, while the other side reads exactly that many bytes.
  mutating func play(_ turns: [Turn]) throws {
    for turn in turns {
      let (writer, reader) = turn.speaker == .client ? (client, server) : (server, client)
      let bytes = turn.writes.flatMap { $0 }
      // The reader on its own thread: a large write blocks until the other end reads.
      let reading = Background { try reader.readExactly(bytes.count) }
      for write in turn.writes { try writer.writeAll(write) }
      guard try reading.join() == bytes else {
        throw TestFailure.mismatch("the reader got other bytes than were written")
      }
      if turn.speaker == .client { clientSent += bytes } else { serverSent += bytes }
    }
  }

  /// The client closes; the server reads end of stream and closes too.
  func close() throws {
    client.close()
    guard try server.read(upTo: 1).isEmpty else {
      throw TestFailure.mismatch("the server read bytes after the client closed")
    }
    server.close()
  }

  /// The connection as the capture writer takes it, from one end's tap.
  func capture(from end: Speaker) throws -> CaptureConnection {
    end == .client
      ? try CaptureConnection(connection: client, tap: clientTap, tappedEnd: .client)
      : try CaptureConnection(connection: server, tap: serverTap, tappedEnd: .server)
  }
}

/// Seeded random bytes, so every run sends the same frames.
func randomBytes(_ count: Int, _ generator: inout SeededRandom) -> [UInt8] {
  (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
}

/// `body` with its 4-byte big-endian length in front, as the demos' peers send it.
func frame(_ body: [UInt8]) throws -> [UInt8] {
  try FrameEncoder.encode(body)
}
