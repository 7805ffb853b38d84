import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// Feeds the bytes of a learner's file to a real demo-2 server, after a real handshake, and
/// reports what the server printed and what each of its reads gave.
///
/// Server and client run in this process over a loopback connection rather than as
/// `learnchat serve` and a client program: the exercise needs the server to hold a session key
/// the learner knows, and here learnchat is the client, so it simply wraps the exercise's key
/// in the handshake; and the verdict comes from the server's reads as typed values
/// (``VictimRead``), not from parsing another process's console.
enum FrameFeed {
  /// What the server did.
  struct Outcome {
    /// The lines it printed.
    let lines: [String]
    /// What each read after the handshake gave, in order.
    let reads: [VictimRead]
  }

  /// The most bytes fed: far more than any frame of a chat line, and little enough that the
  /// whole write fits in the loopback socket's buffers, so one thread can play both ends.
  static let maximumBytes = 16 * 1024

  /// At most this many reads are made after the handshake.
  static let maximumReads = 8

  /// Runs the handshake with `sessionKey`, then writes `bytes` from the client and closes its
  /// sending half; the server reads until the stream ends or breaks.
  static func run(sessionKey: AESGCM.Key, bytes: [UInt8]) throws -> Outcome {
    precondition(bytes.count <= maximumBytes, "the caller limits the bytes fed")
    let (serverSide, clientSide) = try makeLoopbackPair()
    defer {
      serverSide.close()
      clientSide.close()
    }
    // A stuck read can only be a bug here, both ends being ours; never hang on it.
    try serverSide.setReadTimeout(10)
    try clientSide.setReadTimeout(10)
    let console = ConsoleLog()
    console.say(ChatLines.connection(from: serverSide.remoteAddress.pythonTupleDescription))
    let serverFrames = FramedChannel(connection: serverSide)
    let server = Demo2.ServerHandshake(key: try RSAPrivateKey(), framed: serverFrames)
    let client = Demo2.ClientHandshake(framed: FramedChannel(connection: clientSide))
    try server.sendPublicKey()
    _ = try client.send(sessionKey: sessionKey, to: client.receivePublicKey().key)
    let channel = try Demo2.Channel(
      framed: serverFrames, key: server.receiveSessionKey().sessionKey)
    console.say(ChatLines.demo2HandshakeComplete)
    console.say(ChatLines.encryptedReady)
    try clientSide.writeAll(bytes)
    try clientSide.shutdown(.write)
    var reads: [VictimRead] = []
    while reads.count < maximumReads {
      let read = channel.read(into: console)
      reads.append(read)
      if read.endsConnection || read.text.map(ChatText.isExit) == true { break }
    }
    return Outcome(lines: console.all, reads: reads)
  }
}
