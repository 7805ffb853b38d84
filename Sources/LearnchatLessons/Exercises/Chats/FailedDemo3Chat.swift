import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// A demo-3 chat that an attacker on the path broke, for exercise 11: the client's connection
/// to the attacker is recorded at the client, the attacker's connection to the server at the
/// server, as if someone had captured on both machines.
///
/// Each attack is lesson 4's, made with the same byte changes (``FrameTampering``). Everything
/// runs on one thread: the attacker writes, then the victim reads, so the same seed always
/// gives the same capture.
struct FailedDemo3Chat {
  /// The attacks the exercise can choose from, by the names the learner answers with.
  enum Attack: String, CaseIterable {
    case tamperBit = "tamper-bit"
    case tamperLength = "tamper-length"
    case replay
    case reflection
    case drop
    case reorder
    case mitm
    case oversizedLength = "oversized-length"
  }

  /// The keys the server derived, which the exercise hands out as the server's log.
  let serverKeys: Demo3.SessionKeys
  let identity: Ed25519.PrivateKey

  /// Plays `attack` on a chat of `texts`, recorded by `recorder` as connections 1 (client to
  /// attacker) and 2 (attacker to server).
  init(
    attack: Attack, texts: [String], recorder: ExerciseRecorder, ports: (UInt16, UInt16),
    context: CryptoContext, swapEphemeral: Bool
  ) throws {
    identity = try Ed25519.PrivateKey(context: context)
    let front = try recorder.loopbackPair(
      1, client: .loopback(ports.0), server: .loopback(5002), captured: .client,
      tapped: [.client])
    let back = try recorder.loopbackPair(
      2, client: .loopback(ports.1), server: .loopback(5002, host: 2), captured: .server,
      tapped: [.server])
    defer {
      for connection in [front.client, front.server, back.client, back.server] {
        connection.close()
      }
    }
    let clientFrames = FramedChannel(connection: front.client)
    let attackerToClient = FramedChannel(connection: front.server)
    let attackerToServer = FramedChannel(connection: back.client)
    let serverFrames = FramedChannel(connection: back.server)
    let pinned = identity.publicKey
    let client = Demo3.ClientHandshake(framed: clientFrames, context: context) { presented in
      guard presented == pinned else {
        throw Demo3.ProtocolError.identityChanged(
          pinned: try Demo3.fingerprint(of: pinned),
          presented: try Demo3.fingerprint(of: presented))
      }
    }
    let server = Demo3.ServerHandshake(framed: serverFrames, identity: identity, context: context)

    let ephemeral = try client.sendClientHello()
    let clientHello = try attackerToClient.receive() ?? []
    try attackerToServer.send(clientHello)
    let serverSide = try server.sendServerHello(clientHello: server.receiveClientHello())
    serverKeys = serverSide.keys
    let serverHello = try attackerToServer.receive() ?? []
    if attack == .mitm {
      try Self.forge(
        serverHello, clientHello: clientHello, to: attackerToClient,
        swapEphemeral: swapEphemeral, context: context)
    } else {
      try attackerToClient.send(serverHello)
    }
    let keys: Demo3.SessionKeys
    do {
      keys = try client.receiveServerHello(ephemeral: ephemeral).keys
    } catch {
      // The client refused the handshake and hangs up; so does the attacker.
      front.client.close()
      back.client.close()
      _ = try? serverFrames.receive()
      return
    }
    let clientChannel = try Demo3.Channel(framed: clientFrames, keys: keys, role: .client)
    let serverChannel = try Demo3.Channel(framed: serverFrames, keys: serverKeys, role: .server)
    for text in texts { try clientChannel.send(text) }
    let frames = try texts.map { _ in try attackerToClient.receive() ?? [] }
    try Self.apply(
      attack, frames: frames, toServer: attackerToServer, toClient: attackerToClient,
      server: serverChannel, client: clientChannel)
  }

  /// The attacker's moves after the handshake, each followed by the victim's read; demo 3
  /// hangs up at the first frame that fails.
  private static func apply(
    _ attack: Attack, frames: [[UInt8]], toServer: FramedChannel, toClient: FramedChannel,
    server: Demo3.Channel, client: Demo3.Channel
  ) throws {
    /// Writes `bytes` to the server; reads once; returns whether the server went on.
    func deliver(_ bytes: [UInt8]) throws -> Bool {
      try toServer.connection.writeAll(bytes)
      return (try? server.receive()) != nil
    }
    switch attack {
    case .tamperBit:
      let flip = FrameTampering.flipFirstCiphertextBit(frames[0], demo: .demo3)
      let flipped = flip?.body ?? frames[0]
      _ = try deliver(FrameEncoder.encode(flipped))
    case .tamperLength:
      _ = try deliver(FrameTampering.lengthOneTooLong(frames[0], then: frames[1]))
    case .replay:
      if try deliver(FrameEncoder.encode(frames[0])) {
        _ = try deliver(FrameEncoder.encode(frames[0]))
      }
    case .reflection:
      try toClient.send(frames[0])
      _ = try? client.receive()
    case .drop:
      if try deliver(FrameEncoder.encode(frames[0])) {
        _ = try deliver(FrameEncoder.encode(frames[2]))
      }
    case .reorder:
      // Both frames in one write: the server's one read holds message 1, then message 0.
      _ = try deliver(FrameEncoder.encode(frames[1]) + FrameEncoder.encode(frames[0]))
    case .oversizedLength:
      if try deliver(FrameEncoder.encode(frames[0])) {
        _ = try deliver(FrameTampering.oversizedLengthPrefix)
      }
    case .mitm:
      break
    }
    // The victims hang up on the first failure; the attacker then closes both connections.
    server.framed.close()
    client.framed.close()
  }

  /// Sends the client the ServerHello of a man in the middle: the real one with the
  /// attacker's ephemeral key in it (the signature no longer verifies), or one of its own,
  /// properly signed by its own identity (the pin no longer matches).
  private static func forge(
    _ serverHello: [UInt8], clientHello: [UInt8], to client: FramedChannel, swapEphemeral: Bool,
    context: CryptoContext
  ) throws {
    if swapEphemeral {
      var forged = serverHello
      let own = try X25519.PrivateKey(context: context)
      forged.replaceSubrange(32..<64, with: own.publicKey.rawRepresentation)
      try client.send(forged)
    } else {
      let impostor = Demo3.ServerHandshake(
        framed: client, identity: try Ed25519.PrivateKey(context: context), context: context)
      _ = try impostor.sendServerHello(clientHello: clientHello)
    }
  }
}
