import LearnchatWire

/// Real TCP connections on 127.0.0.1 whose peer has already sent a fuzz input.
enum Loopback {
  /// Which end of the connection the code under test plays.
  enum Role {
    case server
    case client
  }

  /// One listener for the whole run: binding a fresh one per input would soon find no free
  /// port, since every closed connection holds its port for a while (TIME_WAIT).
  nonisolated(unsafe) private static var listener: TCPListener?

  /// A connected pair through the shared listener (the fuzzer runs one input at a time).
  private static func connectedPair() throws -> (server: TCPConnection, client: TCPConnection) {
    let shared = try listener ?? TCPListener(host: "127.0.0.1", port: 0)
    listener = shared
    let client = try TCPConnection.connect(host: "127.0.0.1", port: shared.port)
    return (try shared.accept(), client)
  }

  /// Runs `body` with the `role` end of a fresh loopback connection, after the other end has
  /// written all of `input` and shut down its write side; both ends are closed afterwards.
  ///
  /// The input is written before `body` reads: the kernel's socket buffers hold it (inputs are
  /// capped at 64 KiB). What `body` throws is the expected outcome of a hostile input and is
  /// ignored. Failing to set up the connection is not the input's fault and stops the run.
  static func run(
    _ role: Role, receiving input: [UInt8], _ body: (TCPConnection) throws -> Void
  ) {
    let pair: (server: TCPConnection, client: TCPConnection)
    do {
      pair = try connectedPair()
    } catch {
      // Tens of thousands of connections a minute can run the machine out of ephemeral
      // ports for a while; that is not the input's fault, so the input is skipped.
      return
    }
    let (local, peer) = role == .server ? (pair.server, pair.client) : (pair.client, pair.server)
    defer {
      local.close()
      peer.close()
    }
    do {
      try peer.writeAll(input)
      try peer.shutdown(.write)
    } catch {
      fatalError("fuzz harness: cannot write the input to the loopback peer: \(error)")
    }
    try? body(local)
  }
}
