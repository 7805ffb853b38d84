import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// Lesson 4's demo: demo 3, the fixed protocol, step by step; then every attack of lesson 3
/// again, each failing for a reason the program checks.
public struct DefenseWalkthrough: Walkthrough {
  public static let demoName = "fixed"
  /// Demo 3's nonces are counters and Ed25519 signs deterministically: only keys are random.
  public static let seededValues: String? =
    "the identity keys (the server's and the attacker's) and every ephemeral X25519 key"
  /// The stages, in run order.
  public enum Stage: String, WalkthroughStage {
    case identity
    case clientHello = "client-hello"
    case serverHello = "server-hello"
    case keys, message
    case tamperBit = "tamper-bit"
    case tamperLength = "tamper-length"
    case replay, reflection
    case dropReorder = "drop-reorder"
    case mitm
    case nonceReuse = "nonce-reuse"
    case oversizedLength = "oversized-length"

    public var details: StageDetails {
      switch self {
      case .identity:
        StageDetails(
          "The server's identity key, pinned by the client", .server,
          placeholders: ["identity_public", "fingerprint"])
      case .clientHello:
        StageDetails(
          "ClientHello: an ephemeral X25519 key", .client,
          placeholders: ["client_ephemeral", "frame_length", "body_length", "length_prefix"])
      case .serverHello:
        StageDetails(
          "ServerHello: signed by the identity key", .server,
          placeholders: [
            "server_ephemeral", "signature_short", "frame_length", "body_length", "length_prefix",
          ])
      case .keys:
        StageDetails(
          "One shared secret, two keys", .client,
          placeholders: ["shared_secret", "transcript_hash", "client_key", "server_key"])
      case .message:
        StageDetails(
          "A message with a counted nonce", .client,
          placeholders: [
            "message", "nonce_0", "nonce_1", "length_prefix", "frame_length", "body_length",
            "demo2_frame_length",
          ])
      case .tamperBit:
        StageDetails("Attack: flipping one bit", .attacker, placeholders: ["server_error"])
      case .tamperLength:
        StageDetails(
          "Attack: changing the length prefix", .attacker,
          placeholders: ["original_prefix", "changed_prefix", "server_error"])
      case .replay:
        StageDetails(
          "Attack: replaying a frame", .attacker, placeholders: ["message", "server_error"])
      case .reflection:
        StageDetails(
          "Attack: reflecting a frame", .attacker, placeholders: ["message", "client_error"])
      case .dropReorder:
        StageDetails(
          "Attack: dropping and reordering", .attacker,
          placeholders: ["message_0", "message_1", "message_2", "reorder_error", "drop_error"])
      case .mitm:
        StageDetails(
          "Attack: a man in the middle", .attacker,
          placeholders: ["impostor_fingerprint", "fingerprint", "client_error", "signature_error"])
      case .nonceReuse:
        StageDetails(
          "Attack: hoping for a repeated nonce", .attacker, placeholders: ["nonce_0", "nonce_1"])
      case .oversizedLength:
        StageDetails(
          "Attack: a length prefix of ff ff ff ff", .attacker, placeholders: ["server_error"])
      }
    }
  }

  let context: CryptoContext

  /// Where the run\'s connections are also recorded for `--pcap`, if anywhere.
  public var capture: CaptureLog?

  public init(context: CryptoContext, hidingPorts: Bool) {
    self.context = context
  }

  public func run(onStage: (StageReport) throws -> StageDecision) throws {
    try StageSequence<Stage>.run(capture: capture, onStage: onStage) { sequence, taps in
      let identity = try Ed25519.PrivateKey(context: context)
      try Demo3Walk(taps: taps, context: context, identity: identity).run(sequence)
      let attacks = Demo3Attacks(taps: taps, context: context, identity: identity)
      try sequence.stage(.tamperBit, attacks.tamperBit)
      try sequence.stage(.tamperLength, attacks.tamperLength)
      try sequence.stage(.replay, attacks.replay)
      try sequence.stage(.reflection, attacks.reflection)
      try sequence.stage(.dropReorder, attacks.dropReorder)
      try sequence.stage(.mitm, attacks.manInTheMiddle)
      try sequence.stage(.nonceReuse, attacks.nonceReuse)
      try sequence.stage(.oversizedLength, attacks.oversizedLength)
    }
  }
}

/// Demo 3's handshake and first message, stage by stage, with no attacker interfering.
///
/// Every frame is written, relayed and read within one stage, so each stage's records hold
/// both ends of what crossed the sockets in it.
private struct Demo3Walk {
  let taps: PeerTaps
  let context: CryptoContext
  let identity: Ed25519.PrivateKey

  func run(_ sequence: StageSequence<DefenseWalkthrough.Stage>) throws {
    let path = try AttackPath(taps: taps)
    defer { path.close() }
    let server = Demo3.ServerHandshake(framed: path.server, identity: identity, context: context)
    let client = Demo3.ClientHandshake(
      framed: path.client, context: context, trust: Demo3Trust.pinned(identity.publicKey))
    let fingerprint = try Demo3.fingerprint(of: identity.publicKey)

    try sequence.stage(.identity) { report in
      report.values["identity_public"] = ValueText.hex(identity.publicKey.rawRepresentation)
      report.values["fingerprint"] = fingerprint
      report.say(.server, ChatLines.serverFingerprint(fingerprint))
      report.show(
        "server: the identity public key (32 bytes)", identity.publicKey.rawRepresentation)
      report.export("server-identity.pem", try identity.pem())
    }

    let (ephemeral, clientHello) = try sequence.stage(.clientHello) { report in
      let key = try client.sendClientHello()
      try path.relayToServer()
      let hello = try server.receiveClientHello()
      report.values["client_ephemeral"] = ValueText.hex(key.publicKey.rawRepresentation)
      try showFrame(
        &report, .client, "ClientHello",
        fields: Demo3.FrameLayout.clientHelloFrame(bodyCount: Demo3.clientHelloSize))
      return (key, hello)
    }

    let sides = try sequence.stage(.serverHello) { report in
      let completion = try server.sendServerHello(clientHello: clientHello)
      try path.relayToClient()
      // The client reads and checks the ServerHello as soon as it arrives; the next stage
      // shows what the check and the key schedule gave.
      let clientSide = try client.receiveServerHello(ephemeral: ephemeral)
      report.values["server_ephemeral"] = ValueText.hex(
        completion.serverEphemeral.rawRepresentation)
      report.values["signature_short"] = ValueText.short(completion.signature)
      try showFrame(
        &report, .server, "ServerHello",
        fields: Demo3.FrameLayout.serverHelloFrame(bodyCount: Demo3.serverHelloSize))
      return (server: completion, client: clientSide)
    }
    let keys = sides.client.keys

    try sequence.stage(.keys) { report in
      report.say(.client, ChatLines.identityMatches(fingerprint))
      for actor in [StageActor.client, .server] {
        report.say(actor, ChatLines.demo3HandshakeComplete)
        report.say(actor, ChatLines.encryptedReady)
      }
      report.values["shared_secret"] = ValueText.hex(keys.sharedSecret)
      report.values["transcript_hash"] = ValueText.hex(keys.transcriptHash)
      report.values["client_key"] = ValueText.hex(keys.clientToServer.bytes)
      report.values["server_key"] = ValueText.hex(keys.serverToClient.bytes)
      let agree = keys == sides.server.keys
      report.say(.wire, "both ends derived the same keys: \(agree ? "yes" : "NO")")
      report.show("client: the X25519 shared secret (never sent)", keys.sharedSecret)
      report.show("client → server key (HKDF-SHA256)", keys.clientToServer.bytes)
      report.show("server → client key (HKDF-SHA256)", keys.serverToClient.bytes)
    }

    try sequence.stage(.message) { report in
      let clientChannel = try Demo3.Channel(framed: path.client, keys: keys, role: .client)
      let serverChannel = try Demo3.Channel(framed: path.server, keys: keys, role: .server)
      let message = Demo2Attacks.message
      let sent = try clientChannel.send(message)
      report.say(.client, ChatLines.sent(message))
      try path.relayToServer()
      let received = try serverChannel.receive()
      report.say(.server, ChatLines.peer(ChatText.displayable(received?.plaintext ?? [])))
      report.values["message"] = message
      report.values["nonce_0"] = ValueText.hex(try Demo3.Channel.nonce(sequence: 0).bytes)
      report.values["nonce_1"] = ValueText.hex(try Demo3.Channel.nonce(sequence: 1).bytes)
      report.values["demo2_frame_length"] = String(
        sent.frame.count + AESGCM.nonceByteCount)
      try showFrame(
        &report, .client, "message 0",
        fields: Demo3.FrameLayout.messageFrame(
          bodyCount: sent.frame.count - FrameDecoder.headerSize)
      )
    }
  }

  /// Shows the frame `sender` wrote in this stage, from the taps, with its body's size apart
  /// (what is signed and hashed is the body, never the length in front of it); fills the
  /// frame's sizes and prefix for the text.
  private func showFrame(
    _ report: inout StageReport, _ sender: StageActor, _ name: String, fields: [FrameField]
  ) throws {
    let frame = report.collect(taps).written(by: sender)
    let receiver = sender == .client ? "server" : "client"
    let body = frame.count - FrameDecoder.headerSize
    report.values["frame_length"] = String(frame.count)
    report.values["body_length"] = String(body)
    report.values["length_prefix"] = ValueText.hex(frame.prefix(FrameDecoder.headerSize))
    report.show(
      "\(sender.rawValue) → \(receiver), through the attacker: \(name) frame, \(frame.count) bytes "
        + "(4-byte length, \(body)-byte body)",
      frame, fields: fields)
  }

}
