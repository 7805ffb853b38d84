import LearnchatWire
import Synchronization

/// Real TCP connections on 127.0.0.1 whose peer has already sent a fuzz input.
enum Loopback {
  /// Which end of the connection the code under test plays.
  enum Role {
    case server
    case client
  }

  /// One listener for the whole run: binding a fresh one per input would soon find no free
  /// port, since every closed connection holds its port for a while (TIME_WAIT).
  ///
  /// Its Mutex is held from the connect to the accept. The fuzzer runs one input at a time,
  /// but the regression tests run targets side by side: without it, one thread's accept could
  /// take another's connection, leaving both waiting for peers that never write.
  private static let listener = Mutex<TCPListener?>(nil)

  /// A connected pair through the shared listener, the accepted end the connected one's.
  private static func connectedPair() throws -> (server: TCPConnection, client: TCPConnection) {
    try listener.withLock { listener in
      let shared = try listener ?? TCPListener(host: "127.0.0.1", port: 0)
      listener = shared
      let client = try TCPConnection.connect(host: "127.0.0.1", port: shared.port)
      return (try shared.accept(), client)
    }
  }

  /// Frames up to 4 KiB for the demos' targets: ample for a PEM key, a wrapped key, a hello or
  /// a message, and small enough to keep each run fast.
  static let maximumBodySize = 4_096

  /// Runs `body` as ``run(_:receiving:_:)`` does, with the connection framed (bodies up to
  /// ``maximumBodySize``); returns how many messages `body` counted as opened.
  static func countOpened(
    _ role: Role, receiving input: [UInt8], _ body: (FramedChannel, inout Int) throws -> Void
  ) -> Int {
    var opened = 0
    run(role, receiving: input) { connection in
      try body(FramedChannel(connection: connection, maximumBodySize: maximumBodySize), &opened)
    }
    return opened
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
