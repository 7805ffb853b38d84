import LearnchatCrypto
import LearnchatWire

/// Brings a fresh connection to the point where the chat can start, printing the originals'
/// lines: `I'm ready` for demo 1; the handshake, then `Ready (encrypted channel)`, for demo 2.
enum ChatHandshake {
  /// The server's side. `key` is the key pair made while waiting for the client (demo 2).
  static func server(
    _ connection: TCPConnection, key: RSAPrivateKey?, options: ChatOptions, console: ChatConsole
  ) throws -> any ChatTransport {
    guard options.demo == 2, let key else { return plaintext(connection, console: console) }
    let framed = FramedChannel(connection: connection, maximumBodySize: options.maximumFrameSize)
    let handshake = ServerHandshake(key: key, framed: framed)
    try connection.setReadTimeout(options.handshakeTimeout)
    let pem = try handshake.sendPublicKey()
    show(.sent, "public-key frame", pem, FrameLayout.publicKeyFrame, options, console)
    let completion = try handshake.receiveSessionKey()
    show(
      .received, "wrapped-key frame", completion.wrappedKey, FrameLayout.wrappedKeyFrame, options,
      console)
    try connection.setReadTimeout(nil)
    return secure(framed, key: completion.sessionKey, console: console)
  }

  /// The client's side.
  static func client(
    _ connection: TCPConnection, options: ChatOptions, console: ChatConsole
  ) throws -> any ChatTransport {
    guard options.demo == 2 else { return plaintext(connection, console: console) }
    let framed = FramedChannel(connection: connection, maximumBodySize: options.maximumFrameSize)
    let handshake = ClientHandshake(framed: framed)
    try connection.setReadTimeout(options.handshakeTimeout)
    let serverKey = try handshake.receivePublicKey()
    show(.received, "public-key frame", serverKey.pem, FrameLayout.publicKeyFrame, options, console)
    let completion = try handshake.sendSessionKey(to: serverKey.key)
    show(
      .sent, "wrapped-key frame", completion.wrappedKey, FrameLayout.wrappedKeyFrame, options,
      console)
    try connection.setReadTimeout(nil)
    return secure(framed, key: completion.sessionKey, console: console)
  }

  private static func plaintext(_ connection: TCPConnection, console: ChatConsole)
    -> any ChatTransport
  {
    console.line("I'm ready")
    return PlaintextTransport(peer: PlaintextPeer(connection: connection))
  }

  private static func secure(_ framed: FramedChannel, key: AESGCM.Key, console: ChatConsole)
    -> any ChatTransport
  {
    console.line("[*] Handshake complete: symmetric key established")
    console.line("Ready (encrypted channel)")
    return SecureTransport(channel: SecureChannel(framed: framed, key: key))
  }

  private static func show(
    _ direction: WireEvent.Direction, _ title: String, _ body: [UInt8],
    _ layout: (Int) -> [FrameField], _ options: ChatOptions, _ console: ChatConsole
  ) {
    guard let showWire = options.showWire, let frame = try? FrameEncoder.encode(body) else {
      return
    }
    console.line(
      showWire(
        WireEvent(direction: direction, title: title, bytes: frame, fields: layout(body.count))))
  }

  /// One line for a handshake that failed.
  static func describe(_ error: any Error, timeout: Double) -> String {
    if case .timedOut = error as? WireError {
      return "handshake timed out: nothing arrived within \(timeout.formatted) s"
    }
    // Socket and framing failures read as the chat reports them; the protocol's own errors
    // (an unusable key, a bad signature) already say what went wrong.
    if error is WireError || error is SystemError {
      return "handshake failed: \(ChatSession.describe(error))"
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
