import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// A connection ready to chat, and the originals' lines that say so (`I'm ready` for demo 1;
/// the handshake, then `Ready (encrypted channel)`, for demos 2 and 3), printed when the chat
/// starts: a server may finish several handshakes at once and chat with only one.
struct ChatReady: Sendable {
  let transport: any ChatTransport
  let lines: [String]
}

/// Brings a fresh connection to the point where the chat can start.
enum ChatHandshake {
  /// The server's side. `key` is the key pair made while waiting for the client (demo 2).
  static func server(
    _ connection: TCPConnection, key: RSAPrivateKey?, options: ChatOptions, console: ChatConsole
  ) throws -> ChatReady {
    if options.demo == .demo3 {
      return try demo3Server(connection, options: options, console: console)
    }
    guard options.demo == .demo2, let key else { return plaintext(connection) }
    let framed = FramedChannel(connection: connection, maximumBodySize: options.maximumFrameSize)
    let handshake = Demo2.ServerHandshake(key: key, framed: framed)
    try connection.setReadTimeout(options.handshakeTimeout)
    var wire = HandshakeWire(connection, options: options, console: console)
    try handshake.sendPublicKey()
    wire.show(.sent, "public-key frame", Demo2.FrameLayout.publicKeyFrame)
    let completion = try handshake.receiveSessionKey()
    wire.show(.received, "wrapped-key frame", Demo2.FrameLayout.wrappedKeyFrame)
    try connection.setReadTimeout(nil)
    return try secure(framed, key: completion.sessionKey)
  }

  /// The client's side.
  static func client(
    _ connection: TCPConnection, options: ChatOptions, console: ChatConsole
  ) throws -> ChatReady {
    if options.demo == .demo3 {
      return try demo3Client(connection, options: options, console: console)
    }
    guard options.demo == .demo2 else { return plaintext(connection) }
    let framed = FramedChannel(connection: connection, maximumBodySize: options.maximumFrameSize)
    let handshake = Demo2.ClientHandshake(framed: framed)
    try connection.setReadTimeout(options.handshakeTimeout)
    var wire = HandshakeWire(connection, options: options, console: console)
    let serverKey = try handshake.receivePublicKey()
    wire.show(.received, "public-key frame", Demo2.FrameLayout.publicKeyFrame)
    let completion = try handshake.sendSessionKey(to: serverKey.key)
    wire.show(.sent, "wrapped-key frame", Demo2.FrameLayout.wrappedKeyFrame)
    try connection.setReadTimeout(nil)
    return try secure(framed, key: completion.sessionKey)
  }

  /// Demo 3's server side: `Demo3.ServerHandshake.run()`, one step at a time so `--show-wire`
  /// can show each frame.
  private static func demo3Server(
    _ connection: TCPConnection, options: ChatOptions, console: ChatConsole
  ) throws -> ChatReady {
    guard let identity = options.identity else {
      throw ChatFailure("demo 3 needs the server's identity key")
    }
    let framed = FramedChannel(connection: connection, maximumBodySize: options.maximumFrameSize)
    let handshake = Demo3.ServerHandshake(framed: framed, identity: identity)
    try connection.setReadTimeout(options.handshakeTimeout)
    var wire = HandshakeWire(connection, options: options, console: console)
    let clientHello = try handshake.receiveClientHello()
    wire.show(.received, "ClientHello frame", Demo3.FrameLayout.clientHelloFrame)
    let completion = try handshake.sendServerHello(clientHello: clientHello)
    wire.show(.sent, "ServerHello frame", Demo3.FrameLayout.serverHelloFrame)
    try connection.setReadTimeout(nil)
    return sequenced(try Demo3.Channel(framed: framed, keys: completion.keys, role: .server))
  }

  /// Demo 3's client side: `Demo3.ClientHandshake.run()` step by step, trusting the server's
  /// identity as `options.pinning` says; the pin is written once the handshake has succeeded.
  private static func demo3Client(
    _ connection: TCPConnection, options: ChatOptions, console: ChatConsole
  ) throws -> ChatReady {
    guard let pinning = options.pinning else {
      throw ChatFailure("demo 3 needs a way to check the server's identity")
    }
    let framed = FramedChannel(connection: connection, maximumBodySize: options.maximumFrameSize)
    let handshake = Demo3.ClientHandshake(framed: framed, trust: pinning.trust)
    try connection.setReadTimeout(options.handshakeTimeout)
    var wire = HandshakeWire(connection, options: options, console: console)
    let ephemeral = try handshake.sendClientHello()
    wire.show(.sent, "ClientHello frame", Demo3.FrameLayout.clientHelloFrame)
    let completion: Demo3.ClientHandshake.Completion
    do {
      completion = try handshake.receiveServerHello(ephemeral: ephemeral)
    } catch let error as Demo3.ProtocolError {
      guard let hint = pinning.hint(for: error) else { throw error }
      throw ChatFailure("handshake failed: \(error); \(hint)")
    }
    wire.show(.received, "ServerHello frame", Demo3.FrameLayout.serverHelloFrame)
    try connection.setReadTimeout(nil)
    try pinning.commit(console: console, ask: options.ask)
    return sequenced(try Demo3.Channel(framed: framed, keys: completion.keys, role: .client))
  }

  private static func sequenced(_ channel: Demo3.Channel) -> ChatReady {
    ChatReady(
      transport: Demo3Transport(channel: channel),
      lines: [
        ChatLines.demo3HandshakeComplete,
        ChatLines.encryptedReady,
      ])
  }

  private static func plaintext(_ connection: TCPConnection) -> ChatReady {
    ChatReady(
      transport: Demo1Transport(peer: Demo1.Peer(connection: connection)),
      lines: [ChatLines.plaintextReady])
  }

  private static func secure(_ framed: FramedChannel, key: AESGCM.Key) throws -> ChatReady {
    ChatReady(
      transport: Demo2Transport(channel: try Demo2.Channel(framed: framed, key: key)),
      lines: [ChatLines.demo2HandshakeComplete, ChatLines.encryptedReady])
  }

  /// One line for a handshake that failed.
  static func describe(_ error: any Error, timeout: Double) -> String {
    // Already in words, such as a refused identity with its hint.
    if let failure = error as? ChatFailure { return failure.description }
    if case .timedOut = error as? WireError {
      return "handshake timed out: nothing arrived within \(timeout.formatted) s"
    }
    // Socket and framing failures read as the chat reports them; the protocol's own errors
    // (an unusable key, a bad signature) already say what went wrong.
    if error is WireError || error is SystemError {
      return "handshake failed: \(ReceiveFailure.describe(error))"
    }
    return "handshake failed: \(error)"
  }
}

extension Double {
  /// `10` rather than `10.0`; `0.5` stays.
  var formatted: String {
    self == rounded() ? String(Int(self)) : String(self)
  }
}
