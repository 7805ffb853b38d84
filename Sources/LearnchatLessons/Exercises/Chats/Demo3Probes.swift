import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// Demo-3 handshakes for exercise 10: a client connects a few times, records the ServerHello
/// and hangs up; on one connection an attacker on the path swaps the server's ephemeral key
/// for its own (lesson 4's second man-in-the-middle try), leaving the signature as it was.
struct Demo3Probes {
  let identity: Ed25519.PrivateKey
  /// The ephemeral public keys each ServerHello carried, as the client received them.
  private(set) var ephemerals: [[UInt8]] = []
  /// Whether each connection's signature verified at the client.
  private(set) var verified: [Bool] = []

  /// Runs `count` connections recorded by `recorder`; connection `forged` (from 1) goes through
  /// the attacker.
  init(
    count: Int, forged: Int, recorder: ExerciseRecorder, ports: [UInt16], context: CryptoContext
  ) throws {
    identity = try Ed25519.PrivateKey(context: context)
    for number in 1...count {
      let pair = try recorder.loopbackPair(
        number, client: .loopback(ports[number - 1]), server: .loopback(5002), captured: .client,
        tapped: [.client])
      defer {
        pair.client.close()
        pair.server.close()
      }
      let clientFrames = FramedChannel(connection: pair.client)
      // The probe trusts any identity: it records what it sees, and the learner judges.
      let client = Demo3.ClientHandshake(framed: clientFrames, context: context) { _ in }
      let ephemeral = try client.sendClientHello()
      let presented: [UInt8]
      if number == forged {
        // pair.server is the attacker's socket; it makes its own connection to the server.
        let attacker = FramedChannel(connection: pair.server)
        let (serverSide, attackerSide) = try makeLoopbackPair()
        defer {
          serverSide.close()
          attackerSide.close()
        }
        let toServer = FramedChannel(connection: attackerSide)
        let server = Demo3.ServerHandshake(
          framed: FramedChannel(connection: serverSide), identity: identity, context: context)
        try toServer.send(attacker.receive() ?? [])
        _ = try server.sendServerHello(clientHello: server.receiveClientHello())
        var serverHello = try toServer.receive() ?? []
        let own = try X25519.PrivateKey(context: context)
        presented = own.publicKey.rawRepresentation
        serverHello.replaceSubrange(32..<64, with: presented)
        try attacker.send(serverHello)
      } else {
        let server = Demo3.ServerHandshake(
          framed: FramedChannel(connection: pair.server), identity: identity, context: context)
        presented = try server.sendServerHello(clientHello: server.receiveClientHello())
          .serverEphemeral.rawRepresentation
      }
      ephemerals.append(presented)
      do {
        _ = try client.receiveServerHello(ephemeral: ephemeral)
        verified.append(true)
      } catch Demo3.ProtocolError.badSignature {
        verified.append(false)
      }
    }
  }
}
