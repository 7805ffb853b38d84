import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// Demo 3's server and client, each fed an arbitrary byte stream as everything its peer sends.
enum Demo3Fuzz {
  /// The server with the fixed identity: reads a ClientHello, sends its signed ServerHello,
  /// then receives messages. Its ephemeral key is fresh each run, so no seed message can
  /// authenticate; this target covers the ClientHello checks, X25519 with hostile public keys
  /// and the channel's rejection path.
  static func runServer(_ input: [UInt8]) { _ = server(input) }

  /// The server's run; returns how many messages opened.
  static func server(_ input: [UInt8]) -> Int {
    Loopback.countOpened(.server, receiving: input) { framed, opened in
      let handshake = Demo3.ServerHandshake(framed: framed, identity: FuzzFixtures.demo3Identity)
      try receiveAll(handshake.run(), opened: &opened)
    }
  }

  /// The client with the fixed ephemeral key, trusting any identity: sends its ClientHello,
  /// checks the ServerHello's signature, then receives messages. The seed corpus holds a
  /// ServerHello signed for the fixed ephemeral key and messages under the resulting keys.
  static func runClient(_ input: [UInt8]) { _ = client(input) }

  /// The client's run; returns how many messages opened.
  static func client(_ input: [UInt8]) -> Int {
    Loopback.countOpened(.client, receiving: input) { framed, opened in
      let handshake = Demo3.ClientHandshake(framed: framed) { identity in
        _ = try Demo3.fingerprint(of: identity)
      }
      let ephemeral = FuzzFixtures.demo3ClientEphemeral
      try framed.send(ephemeral.publicKey.rawRepresentation)
      let completion = try handshake.receiveServerHello(ephemeral: ephemeral)
      try receiveAll(
        try Demo3.Channel(framed: framed, keys: completion.keys, role: .client), opened: &opened)
    }
  }

  private static func receiveAll(_ channel: Demo3.Channel, opened: inout Int) throws {
    while let message = try channel.receive() {
      _ = ChatText.displayable(message.plaintext)
      opened += 1
    }
  }
}
