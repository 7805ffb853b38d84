import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// Demo 2's server and client, each fed an arbitrary byte stream as everything its peer sends.
///
/// The whole conversation runs as the chat runs it: the handshake steps, then a
/// `Demo2.Channel` receive loop until the peer's end of stream or an error. Errors are fine;
/// crashes and hangs are findings.
enum Demo2Fuzz {
  /// The server, with the fixed RSA key: sends its public key, unwraps the session key from the
  /// first frame, then opens every message frame.
  static func runServer(_ input: [UInt8]) { _ = server(input) }

  /// The server's run; returns how many messages opened.
  static func server(_ input: [UInt8]) -> Int {
    Loopback.countOpened(.server, receiving: input) { framed, opened in
      let handshake = Demo2.ServerHandshake(key: FuzzFixtures.serverKey, framed: framed)
      try handshake.sendPublicKey()
      let completion = try handshake.receiveSessionKey()
      try receiveAll(Demo2.Channel(framed: framed, key: completion.sessionKey), opened: &opened)
    }
  }

  /// The client: reads the server's public-key frame, wraps the fixed session key for whatever
  /// key that is and sends it, then opens every message frame.
  ///
  /// The session key is fixed (not `sendSessionKey(to:)`'s random one) so that message frames
  /// in the seed corpus authenticate and the fuzzer explores past the tag check.
  static func runClient(_ input: [UInt8]) { _ = client(input) }

  /// The client's run; returns how many messages opened.
  static func client(_ input: [UInt8]) -> Int {
    Loopback.countOpened(.client, receiving: input) { framed, opened in
      let handshake = Demo2.ClientHandshake(framed: framed)
      let serverKey = try handshake.receivePublicKey()
      let completion = try handshake.send(sessionKey: FuzzFixtures.sessionKey, to: serverKey.key)
      try receiveAll(Demo2.Channel(framed: framed, key: completion.sessionKey), opened: &opened)
    }
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
