import Dispatch
import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// Demo 2 over real loopback TCP: the handshake, and framed message throughput.
enum TransportBenchmarks {
  /// Connect to channel ready, as a client sees it, against a server whose key is made ahead.
  static func handshake(runs: Int, key: RSAPrivateKey) throws -> BenchFigure {
    let listener = try TCPListener(host: "127.0.0.1", port: 0)
    defer { listener.close() }
    let total = runs + 1
    let serverDone = DispatchSemaphore(value: 0)
    try DetachedThread.start {
      for _ in 0..<total {
        guard let connection = try? listener.accept() else { break }
        let framed = FramedChannel(connection: connection)
        let server = Demo2.ServerHandshake(key: key, framed: framed)
        _ = try? server.sendPublicKey()
        _ = try? server.receiveSessionKey()
        connection.close()
      }
      serverDone.signal()
    }
    let times = try measure(runs: runs) {
      try Stopwatch.time {
        let connection = try TCPConnection.connect(host: "127.0.0.1", port: listener.port)
        defer { connection.close() }
        let client = Demo2.ClientHandshake(framed: FramedChannel(connection: connection))
        _ = try client.sendSessionKey(to: client.receivePublicKey().key)
      } * 1000
    }
    serverDone.wait()
    return BenchFigure(
      key: "handshake", name: "demo-2 handshake over loopback (connect to ready)", unit: "ms",
      values: times)
  }

  /// How many messages the sender seals and writes with one system call: about 64 KiB worth
  /// (what the receiver reads at once), so small messages share a write, and 16 KiB ones go
  /// three or four to a write rather than one system call each.
  static func batchSize(forMessageSize size: Int) -> Int { max(1, 65_536 / (size + 32)) }

  /// Messages per second of `size` bytes, sealed, framed, sent, received and opened with
  /// `demo`'s channel.
  ///
  /// The sender hands over `batchSize(forMessageSize:)` messages at a time, as a sender with many
  /// messages ready would; each message still gets its own nonce, seal and frame.
  static func throughput(runs: Int, demo: TransportDemo = .demo2, size: Int, messages: Int)
    throws -> [Double]
  {
    let text = String(repeating: "m", count: size)
    return try measure(runs: runs) {
      let (serverConnection, clientConnection) = try makeLoopbackPair()
      defer {
        serverConnection.close()
        clientConnection.close()
      }
      let send = try demo.sender(clientConnection)
      let receive = try demo.receiver(serverConnection)
      let start = Stopwatch.now()
      let batchSize = Self.batchSize(forMessageSize: size)
      let batch = [String](repeating: text, count: batchSize)
      try DetachedThread.start {
        for _ in 0..<(messages / batchSize) { try? send(batch) }
      }
      try receive(0..<(messages / batchSize * batchSize), size)
      return Double(messages / batchSize * batchSize) / (Stopwatch.now() - start)
    }
  }
}
