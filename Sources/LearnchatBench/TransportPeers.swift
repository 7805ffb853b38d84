import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// The two halves of `learnchat bench-transport`: demo 2's (or demo 3's) message transport
/// between two processes over loopback TCP, measured the same way as
/// `benchmarks/transport_original.py`.
///
/// Both sides use a fixed key agreed out of band and no handshake: this measures the transport
/// only (seal, frame, write, read, open), as the Python side does.
public enum TransportPeers {
  /// What the receiving side measured.
  public struct Measurement: Sendable {
    /// How many messages were received and opened.
    public let messages: Int
    /// Seconds from the first message's arrival to the last message opened.
    public let seconds: Double

    /// One JSON line for the benchmark script: `{"messages": M, "seconds": S}`.
    public var json: String { "{\"messages\": \(messages), \"seconds\": \(seconds)}" }
  }

  /// Listens on 127.0.0.1:`port` (0 for any free port), tells `listening` the port, accepts one
  /// connection, and receives and opens `count` messages of `size` bytes with `demo`'s channel.
  ///
  /// The clock starts when the first message is in: the first read returns as soon as any byte
  /// has arrived, so that is within microseconds of the first byte.
  public static func receive(
    demo: TransportDemo = .demo2, port: UInt16, size: Int, count: Int,
    listening: (UInt16) -> Void
  ) throws -> Measurement {
    let listener = try TCPListener(host: "127.0.0.1", port: port)
    defer { listener.close() }
    listening(listener.port)
    let connection = try listener.accept()
    defer { connection.close() }
    let receive = try demo.receiver(connection)
    try receive(0..<1, size)
    let start = Stopwatch.now()
    try receive(1..<count, size)
    return Measurement(messages: count, seconds: Stopwatch.now() - start)
  }

  /// Connects to 127.0.0.1:`port` and sends `count` messages of `size` bytes with `demo`'s
  /// channel, each with its own nonce and frame, about 8 KiB of frames per batch (as
  /// `learnchat bench` does).
  public static func send(demo: TransportDemo = .demo2, port: UInt16, size: Int, count: Int)
    throws
  {
    let connection = try TCPConnection.connect(host: "127.0.0.1", port: port)
    defer { connection.close() }
    let send = try demo.sender(connection)
    let batchSize = TransportBenchmarks.batchSize(forMessageSize: size)
    let batch = [String](repeating: String(repeating: "m", count: size), count: batchSize)
    for _ in 0..<(count / batchSize) { try send(batch) }
    let rest = count % batchSize
    if rest > 0 { try send(Array(batch.prefix(rest))) }
  }
}

/// Why a transport run stopped short.
enum TransportPeerError: Error, CustomStringConvertible {
  /// The sender closed before every message arrived.
  case peerClosed(afterMessages: Int)
  /// A message did not open, or opened to the wrong length.
  case damagedMessage(index: Int)

  var description: String {
    switch self {
    case .peerClosed(let count): return "the sender closed after \(count) messages"
    case .damagedMessage(let index): return "message \(index) did not arrive intact"
    }
  }
}
