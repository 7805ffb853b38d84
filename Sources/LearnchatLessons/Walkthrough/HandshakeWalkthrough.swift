import Dispatch
import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// Lesson 2's demo: the RSA-OAEP handshake, then AES-256-GCM messages in length-prefixed frames.
public struct HandshakeWalkthrough: Walkthrough {
  public static let demoName = "handshake"
  public static let seededValues: String? =
    "the server's RSA key pair, the session key, OAEP's random seed and every nonce"
  /// The stages, in run order.
  public enum Stage: String, WalkthroughStage {
    case connect, keygen
    case pemExport = "pem-export"
    case publicKeyFrame = "public-key-frame"
    case sessionKey = "session-key"
    case oaepWrap = "oaep-wrap"
    case oaepUnwrap = "oaep-unwrap"
    case nonce, seal
    case messageFrame = "message-frame"
    case decrypt, reply, exit

    public var details: StageDetails {
      switch self {
      case .connect:
        StageDetails(
          "Listen and connect", .server, placeholders: ["server_address", "client_address"])
      case .keygen:
        StageDetails(
          "The server makes an RSA key pair", .server,
          placeholders: ["bits", "exponent", "exponent_hex", "modulus_short"])
      case .pemExport:
        StageDetails(
          "The public key as PEM", .server, placeholders: ["pem", "pem_length", "der_length"])
      case .publicKeyFrame:
        StageDetails(
          "The public-key frame on the wire", .wire,
          placeholders: ["frame_length", "length_prefix", "body_length"])
      case .sessionKey:
        StageDetails("The client picks a session key", .client, placeholders: ["session_key"])
      case .oaepWrap:
        StageDetails(
          "The client wraps the key with RSA-OAEP", .client,
          placeholders: ["wrapped_key_short", "wrapped_length", "length_prefix"])
      case .oaepUnwrap:
        StageDetails("The server unwraps it", .server, placeholders: ["session_key", "keys_match"])
      case .nonce:
        StageDetails(
          "A fresh nonce for the first message", .client, placeholders: ["message", "nonce"])
      case .seal:
        StageDetails(
          "AES-256-GCM seals the message", .client,
          placeholders: ["message", "message_length", "nonce", "ciphertext", "tag"])
      case .messageFrame:
        StageDetails(
          "The message frame on the wire", .wire,
          placeholders: ["frame_length", "body_length", "length_prefix", "message_length"])
      case .decrypt:
        StageDetails("The server opens the message", .server, placeholders: ["message"])
      case .reply:
        StageDetails(
          "A reply in the other direction", .server,
          placeholders: ["reply", "nonce", "frame_length"])
      case .exit:
        StageDetails(
          "exit, and closing", .client,
          placeholders: ["frame_length", "body_length", "length_prefix"])
      }
    }
  }

  static let message = "Meet me at the library at noon."
  static let reply = "OK, see you there."

  let context: CryptoContext
  let hidingPorts: Bool

  /// Where the run\'s connections are also recorded for `--pcap`, if anywhere.
  public var capture: CaptureLog?

  public init(context: CryptoContext, hidingPorts: Bool) {
    self.context = context
    self.hidingPorts = hidingPorts
  }

  public func run(onStage: (StageReport) throws -> StageDecision) throws {
    try StageSequence<Stage>.run(capture: capture, onStage: onStage) { sequence, taps in
      let session = Session(context: context, hidingPorts: hidingPorts, taps: taps)
      defer { session.close() }
      try session.run(sequence)
    }
  }
}

/// One run of the handshake walkthrough and its connections.
private final class Session {
  let context: CryptoContext
  let hidingPorts: Bool
  let taps: PeerTaps
  var connections: [TCPConnection] = []
  /// The server's key, being generated on its own thread from the start of the run.
  var pendingKey: BackgroundKeyGeneration?

  init(context: CryptoContext, hidingPorts: Bool, taps: PeerTaps) {
    self.context = context
    self.hidingPorts = hidingPorts
    self.taps = taps
  }

  func close() {
    // A run stopped early (the learner quit at the first stage) must not leave the generating
    // thread inside OpenSSL while the process exits: OpenSSL's exit-time clean-up would free
    // what that thread is using.
    _ = try? pendingKey?.wait()
    for connection in connections { connection.close() }
  }

  typealias Stages = StageSequence<HandshakeWalkthrough.Stage>

  func run(_ sequence: Stages) throws {
    // Key generation is the slow step (a quarter of a second or more on Debian's OpenSSL 3.0):
    // start it now, so it runs while the first stage is read.
    let pendingKey = BackgroundKeyGeneration(context: context)
    self.pendingKey = pendingKey
    let listener = try TCPListener(host: "127.0.0.1", port: 0)
    defer { listener.close() }
    let (serverFrames, clientFrames) = try sequence.stage(.connect) { report in
      let client = try TCPConnection.connect(host: "127.0.0.1", port: listener.port)
      let server = try listener.accept()
      taps.attach(
        connector: client, as: .init(actor: .client, peer: .server),
        acceptor: server, as: .init(actor: .server, peer: .client))
      connections = [client, server]
      let port = ValueText.port(listener.port, hidden: hidingPorts)
      let clientPort = ValueText.port(server.remoteAddress.port, hidden: hidingPorts)
      report.values["server_address"] = "127.0.0.1:\(port)"
      report.values["client_address"] = "127.0.0.1:\(clientPort)"
      report.say(.server, ChatLines.listening(host: "127.0.0.1", port: port))
      report.say(.server, ChatLines.connection(from: "('127.0.0.1', \(clientPort))"))
      return (FramedChannel(connection: server), FramedChannel(connection: client))
    }

    let key = try sequence.stage(.keygen) { report in
      let generated = try pendingKey.wait()
      let exponent = try generated.publicKey.publicExponent()
      report.values["bits"] = String(generated.bits)
      report.values["exponent"] = String(exponent.reduce(0) { $0 << 8 | Int($1) })
      report.values["exponent_hex"] = ValueText.hex(exponent)
      report.values["modulus_short"] = ValueText.short(try generated.publicKey.modulus())
      report.show(
        "server: the modulus n (public; the primes behind it stay secret)",
        try generated.publicKey.modulus())
      report.export("server-private-key.pem", try generated.pem())
      return generated
    }

    let server = Demo2.ServerHandshake(key: key, framed: serverFrames)
    let client = Demo2.ClientHandshake(framed: clientFrames, context: context)

    try sequence.stage(.pemExport) { report in
      let pem = try key.publicKey.pem()
      let der = try key.publicKey.der()
      report.values["pem"] = String(decoding: pem, as: UTF8.self)
      report.values["pem_length"] = String(pem.count)
      report.values["der_length"] = String(der.count)
      report.show(
        "server: the DER inside the PEM (SubjectPublicKeyInfo)", der,
        fields: try DERFields.subjectPublicKeyInfo(der, key: key.publicKey))
      report.export("server-public-key.pem", pem)
      report.export("server-public-key.der", der)
    }

    let serverKey = try sequence.stage(.publicKeyFrame) { report in
      try server.sendPublicKey()
      let received = try client.receivePublicKey().key
      let frame = try showFrame(
        &report, from: .server, to: .client, "public-key frame",
        layout: Demo2.FrameLayout.publicKeyFrame(bodyCount:))
      report.export("frame-1-server-public-key.bin", frame)
      return received
    }

    let sessionKey = try sequence.stage(.sessionKey) { report in
      // The client's half of the handshake is one call in the chat; here its two parts are
      // shown apart: the random key first, then the wrapping.
      let fresh = try client.makeSessionKey()
      report.values["session_key"] = ValueText.hex(fresh.bytes)
      report.show("client: the session key (secret; never sent as it is)", fresh.bytes)
      report.export("session-key.bin", fresh.bytes)
      return fresh
    }

    try sequence.stage(.oaepWrap) { report in
      let wrapped = try client.send(sessionKey: sessionKey, to: serverKey).wrappedKey
      report.values["wrapped_key_short"] = ValueText.short(wrapped)
      report.values["wrapped_length"] = String(wrapped.count)
      let frame = try showFrame(
        &report, from: .client, to: .server, "wrapped-key frame",
        layout: Demo2.FrameLayout.wrappedKeyFrame(bodyCount:))
      report.export("wrapped-key.bin", wrapped)
      report.export("frame-2-client-wrapped-key.bin", frame)
    }

    let channels = try sequence.stage(.oaepUnwrap) { report in
      let completion = try server.receiveSessionKey()
      report.values["session_key"] = ValueText.hex(completion.sessionKey.bytes)
      report.values["keys_match"] = completion.sessionKey == sessionKey ? "yes" : "no"
      report.show("server: the unwrapped session key", completion.sessionKey.bytes)
      for actor in [StageActor.server, .client] {
        report.say(actor, ChatLines.demo2HandshakeComplete)
        report.say(actor, ChatLines.encryptedReady)
      }
      return (
        server: try Demo2.Channel(
          framed: serverFrames, key: completion.sessionKey, context: context),
        client: try Demo2.Channel(framed: clientFrames, key: sessionKey, context: context)
      )
    }

    try runMessages(sequence, channels: channels)
  }

  /// The message stages: nonce, seal, frame, decrypt, reply, exit.
  private func runMessages(
    _ sequence: Stages, channels: (server: Demo2.Channel, client: Demo2.Channel)
  ) throws {
    let message = HandshakeWalkthrough.message
    // The nonce and sealing are shown as the stages before the frame, but it is one call in the
    // chat: `send` makes the nonce, seals and writes the frame. So the frame is sent here and
    // its parts are shown stage by stage, all taken from what was sent.
    let sent = try channels.client.send(message)
    let records = taps.drain()

    try sequence.stage(.nonce) { report in
      report.values["message"] = message
      report.values["nonce"] = ValueText.hex(sent.sealed.nonce.bytes)
      report.show("client: 12 random bytes, the nonce for this message", sent.sealed.nonce.bytes)
    }

    try sequence.stage(.seal) { report in
      report.values["message"] = message
      report.values["message_length"] = String(sent.plaintext.count)
      report.values["nonce"] = ValueText.hex(sent.sealed.nonce.bytes)
      report.values["ciphertext"] = ValueText.hex(sent.sealed.ciphertext)
      report.values["tag"] = ValueText.hex(sent.sealed.tag)
      report.say(.client, ChatLines.sent(message))
      report.show("client: the plaintext (UTF-8)", sent.plaintext)
      report.show("client: the ciphertext, as long as the plaintext", sent.sealed.ciphertext)
      report.show("client: the tag", sent.sealed.tag)
    }

    try sequence.stage(.messageFrame) { report in
      report.records += records
      let frame = records.written(by: .client)
      report.values["message_length"] = String(sent.plaintext.count)
      fillFrameValues(&report, frame: frame)
      report.show(
        "client → server: message frame (\(frame.count) bytes)", frame,
        fields: Demo2.FrameLayout.messageFrame(bodyCount: frame.count - FrameDecoder.headerSize))
      report.export("frame-3-client-message.bin", frame)
    }

    try sequence.stage(.decrypt) { report in
      guard let received = try channels.server.receive() else {
        throw Demo2.HandshakeError.peerClosed(expected: "the message")
      }
      let text = received.displayText ?? "(did not open)"
      report.values["message"] = text
      report.show(
        "server: the plaintext GCM returned after checking the tag", try received.plaintext.get())
      report.say(.server, ChatLines.peer(text))
    }

    try sequence.stage(.reply) { report in
      let reply = try channels.server.send(HandshakeWalkthrough.reply)
      report.say(.server, ChatLines.sent(HandshakeWalkthrough.reply))
      guard let received = try channels.client.receive() else {
        throw Demo2.HandshakeError.peerClosed(expected: "the reply")
      }
      let frame = try showFrame(
        &report, from: .server, to: .client, "reply frame",
        layout: Demo2.FrameLayout.messageFrame(bodyCount:))
      report.values["reply"] = HandshakeWalkthrough.reply
      report.values["nonce"] = ValueText.hex(reply.sealed.nonce.bytes)
      report.say(.client, ChatLines.peer(received.displayText ?? "(did not open)"))
      report.export("frame-4-server-reply.bin", frame)
    }

    try sequence.stage(.exit) { report in
      try channels.client.send(ChatText.exitCommand)
      report.say(.client, ChatLines.sent(ChatText.exitCommand))
      channels.client.framed.close()
      let received = try channels.server.receive()
      let frame = try showFrame(
        &report, from: .client, to: .server, "exit frame",
        layout: Demo2.FrameLayout.messageFrame(bodyCount:))
      if let text = received?.text, ChatText.isExit(text) {
        report.say(.server, ChatLines.peerExited)
      }
      report.export("frame-5-client-exit.bin", frame)
    }
  }

  /// Takes the stage's records, shows the frame `sender` wrote with its fields, checks that
  /// `receiver` read the same bytes, and returns the frame.
  private func showFrame(
    _ report: inout StageReport, from sender: StageActor, to receiver: StageActor,
    _ name: String, layout: (Int) -> [FrameField]
  ) throws -> [UInt8] {
    let records = report.collect(taps)
    let frame = records.written(by: sender)
    let read = records.read(by: receiver)
    // The receiver may read in a later stage (the server unwraps after the wrap is shown);
    // when it has read, it must have read exactly what was written.
    guard read.isEmpty || read == frame else {
      throw WalkthroughError.wireMismatch(stage: report.stage.id)
    }
    fillFrameValues(&report, frame: frame)
    let reads = records.readCount(by: receiver)
    let arrival =
      switch reads {
      case 0: "not read yet"
      case 1: "arrived in one read"
      default: "arrived in \(reads) reads"
      }
    report.show(
      "\(sender.rawValue) → \(receiver.rawValue): \(name) (\(frame.count) bytes; \(arrival))",
      frame, fields: layout(frame.count - FrameDecoder.headerSize))
    return frame
  }

  private func fillFrameValues(_ report: inout StageReport, frame: [UInt8]) {
    report.values["frame_length"] = String(frame.count)
    report.values["body_length"] = String(frame.count - FrameDecoder.headerSize)
    report.values["length_prefix"] = ValueText.hex(frame.prefix(FrameDecoder.headerSize))
  }
}

/// Failures of a walkthrough that are not the demo's own.
public enum WalkthroughError: Error, CustomStringConvertible {
  /// What one peer read differs from what the other wrote (never expected on loopback).
  case wireMismatch(stage: String)

  public var description: String {
    switch self {
    case .wireMismatch(let stage):
      return "stage \(stage): the bytes read differ from the bytes written"
    }
  }
}

/// An RSA key pair generated on its own thread, for whoever waits for it.
///
/// With a seeded context the generating thread gets the context's first stream (it is the
/// first to draw), so seeded runs stay reproducible.
final class BackgroundKeyGeneration: @unchecked Sendable {
  // Sendable: `result` is written once before `done` is signalled and read after waiting.
  private var result: Result<RSAPrivateKey, any Error>?
  private let done = DispatchSemaphore(value: 0)

  init(context: CryptoContext) {
    do {
      try DetachedThread.start { [self] in
        result = Result { try RSAPrivateKey(context: context) }
        CryptoThread.releaseState()
        done.signal()
      }
    } catch {
      // Whoever waits for the key gets why there is none.
      result = .failure(error)
      done.signal()
    }
  }

  /// Waits for the key; any number of times (each wait passes the signal on to the next).
  func wait() throws -> RSAPrivateKey {
    done.wait()
    done.signal()
    guard let result else { preconditionFailure("signalled without a result") }
    return try result.get()
  }
}
