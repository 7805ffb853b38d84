import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// Demo 2's server and client, each fed an arbitrary byte stream as everything its peer sends.
///
/// The whole conversation runs as the chat runs it: the handshake steps, then a
/// `Demo2.Channel` receive loop until the peer's end of stream or an error. Errors are fine;
/// crashes and hangs are findings.
enum Demo2Fuzz {
  /// Frames up to 4 KiB: ample for a PEM key, a wrapped key or a message, and small enough to
  /// keep each run fast.
  static let maximumBodySize = 4_096

  /// The server, with the fixed RSA key: sends its public key, unwraps the session key from the
  /// first frame, then opens every message frame.
  static func runServer(_ input: [UInt8]) { _ = server(input) }

  /// The server's run; returns how many messages opened.
  static func server(_ input: [UInt8]) -> Int {
    var opened = 0
    Loopback.run(.server, receiving: input) { connection in
      let framed = FramedChannel(connection: connection, maximumBodySize: maximumBodySize)
      let handshake = Demo2.ServerHandshake(key: FuzzFixtures.serverKey, framed: framed)
      try handshake.sendPublicKey()
      let completion = try handshake.receiveSessionKey()
      try receiveAll(Demo2.Channel(framed: framed, key: completion.sessionKey), opened: &opened)
    }
    return opened
  }

  /// The client: reads the server's public-key frame, wraps the fixed session key for whatever
  /// key that is and sends it, then opens every message frame.
  ///
  /// The session key is fixed (not `sendSessionKey(to:)`'s random one) so that message frames
  /// in the seed corpus authenticate and the fuzzer explores past the tag check.
  static func runClient(_ input: [UInt8]) { _ = client(input) }

  /// The client's run; returns how many messages opened.
  static func client(_ input: [UInt8]) -> Int {
    var opened = 0
    Loopback.run(.client, receiving: input) { connection in
      let framed = FramedChannel(connection: connection, maximumBodySize: maximumBodySize)
      let handshake = Demo2.ClientHandshake(framed: framed)
      let serverKey = try handshake.receivePublicKey()
      let completion = try handshake.send(sessionKey: FuzzFixtures.sessionKey, to: serverKey.key)
      try receiveAll(Demo2.Channel(framed: framed, key: completion.sessionKey), opened: &opened)
    }
    return opened
  }

  /// Receives until end of stream, using every view of each message that the chat shows.
  private static func receiveAll(_ channel: Demo2.Channel, opened: inout Int) throws {
    while let message = try channel.receive() {
      _ = message.sealed
      _ = message.text
      if message.displayText != nil { opened += 1 }
    }
  }
}
