import LearnchatCrypto
import LearnchatWire

extension Demo3 {
  /// The client's half of demo 3's handshake, one step per method so a lesson can pause between.
  public struct ClientHandshake: Sendable {
    /// The framed connection to the server.
    public let framed: FramedChannel
    /// Where the ephemeral key comes from.
    public let context: CryptoContext
    /// Decides whether to trust the server's identity (pinning); throws to refuse.
    public let trust: @Sendable (Ed25519.PublicKey) throws -> Void

    /// A handshake over `framed` that accepts the server's identity only if `trust` does.
    public init(
      framed: FramedChannel, context: CryptoContext = .system,
      trust: @escaping @Sendable (Ed25519.PublicKey) throws -> Void
    ) {
      self.framed = framed
      self.context = context
      self.trust = trust
    }

    /// Step 1: a fresh ephemeral key pair; its public key is sent as the ClientHello.
    public func sendClientHello() throws -> X25519.PrivateKey {
      let ephemeral = try X25519.PrivateKey(context: context)
      try framed.send(ephemeral.publicKey.rawRepresentation)
      return ephemeral
    }

    /// What the client learned from the ServerHello.
    public struct Completion: Sendable {
      /// The ServerHello body as received.
      public let serverHello: [UInt8]
      /// The server's identity key, checked against the pin.
      public let identity: Ed25519.PublicKey
      /// The server's ephemeral public key.
      public let serverEphemeral: X25519.PublicKey
      /// The session's keys.
      public let keys: Demo3.SessionKeys
    }

    /// Steps 2–4: reads the ServerHello, checks identity and signature, derives the keys.
    public func receiveServerHello(ephemeral: X25519.PrivateKey) throws -> Completion {
      guard let serverHello = try framed.receive() else {
        throw Demo3.ProtocolError.peerClosed(expected: "its ServerHello")
      }
      guard serverHello.count == Demo3.serverHelloSize else {
        throw Demo3.ProtocolError.malformedHandshake(
          what: "ServerHello", expected: Demo3.serverHelloSize, actual: serverHello.count)
      }
      let identity = try Ed25519.PublicKey(rawRepresentation: Array(serverHello[0..<32]))
      let serverEphemeral = try X25519.PublicKey(rawRepresentation: Array(serverHello[32..<64]))
      let signature = Array(serverHello[64...])
      // The pin first: a changed identity is the louder, more important message.
      try trust(identity)
      let clientHello = ephemeral.publicKey.rawRepresentation
      let signed = Demo3.signedBytes(
        clientHello: clientHello, identity: identity, serverEphemeral: serverEphemeral)
      guard identity.isValidSignature(signature, for: signed) else {
        throw Demo3.ProtocolError.badSignature
      }
      let keys = try Demo3.keys {
        try Demo3.sessionKeys(
          sharedSecret: ephemeral.sharedSecret(with: serverEphemeral), clientHello: clientHello,
          serverHello: serverHello)
      }
      return Completion(
        serverHello: serverHello, identity: identity, serverEphemeral: serverEphemeral, keys: keys)
    }

    /// The whole client handshake: the channel ready for messages.
    public func run() throws -> Demo3.Channel {
      let completion = try receiveServerHello(ephemeral: sendClientHello())
      return try Demo3.Channel(framed: framed, keys: completion.keys, role: .client)
    }
  }

  /// The server's half of demo 3's handshake.
  public struct ServerHandshake: Sendable {
    /// The framed connection to the client.
    public let framed: FramedChannel
    /// The server's long-term identity.
    public let identity: Ed25519.PrivateKey
    /// Where the ephemeral key comes from.
    public let context: CryptoContext

    /// A handshake over `framed`, signing with `identity`.
    public init(
      framed: FramedChannel, identity: Ed25519.PrivateKey, context: CryptoContext = .system
    ) {
      self.framed = framed
      self.identity = identity
      self.context = context
    }

    /// Step 1, receiving side: the client's ephemeral public key.
    public func receiveClientHello() throws -> [UInt8] {
      guard let clientHello = try framed.receive() else {
        throw Demo3.ProtocolError.peerClosed(expected: "its ClientHello")
      }
      guard clientHello.count == Demo3.clientHelloSize else {
        throw Demo3.ProtocolError.malformedHandshake(
          what: "ClientHello", expected: Demo3.clientHelloSize, actual: clientHello.count)
      }
      return clientHello
    }

    /// What the server did in step 2.
    public struct Completion: Sendable {
      /// The ServerHello body sent.
      public let serverHello: [UInt8]
      /// The server's ephemeral public key.
      public let serverEphemeral: X25519.PublicKey
      /// The signature over the handshake.
      public let signature: [UInt8]
      /// The session's keys.
      public let keys: Demo3.SessionKeys
    }

    /// Step 2 and 4: a fresh ephemeral key, the signed ServerHello, and the keys.
    public func sendServerHello(clientHello: [UInt8]) throws -> Completion {
      let clientEphemeral = try X25519.PublicKey(rawRepresentation: clientHello)
      let ephemeral = try X25519.PrivateKey(context: context)
      let signature = try identity.signature(
        for: Demo3.signedBytes(
          clientHello: clientHello, identity: identity.publicKey,
          serverEphemeral: ephemeral.publicKey))
      let serverHello =
        identity.publicKey.rawRepresentation + ephemeral.publicKey.rawRepresentation + signature
      let keys = try Demo3.keys {
        try Demo3.sessionKeys(
          sharedSecret: ephemeral.sharedSecret(with: clientEphemeral), clientHello: clientHello,
          serverHello: serverHello)
      }
      try framed.send(serverHello)
      return Completion(
        serverHello: serverHello, serverEphemeral: ephemeral.publicKey, signature: signature,
        keys: keys)
    }

    /// The whole server handshake: the channel ready for messages.
    public func run() throws -> Demo3.Channel {
      let completion = try sendServerHello(clientHello: receiveClientHello())
      return try Demo3.Channel(framed: framed, keys: completion.keys, role: .server)
    }
  }

  /// Runs a key-agreement step, reporting crypto failures (a low-order peer key) as such.
  static func keys(_ body: () throws -> SessionKeys) throws -> SessionKeys {
    do {
      return try body()
    } catch let error as CryptoError {
      throw Demo3.ProtocolError.keyAgreement(error)
    }
  }
}
