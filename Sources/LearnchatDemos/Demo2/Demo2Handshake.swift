import LearnchatCrypto
import LearnchatWire

extension Demo2 {
  /// Why a demo-2 handshake could not complete.
  public enum HandshakeError: Error, Equatable, CustomStringConvertible {
    /// The peer closed the connection before sending `expected`.
    case peerClosed(expected: String)
    /// The server's public-key frame did not hold a usable RSA public key.
    case badPublicKey(CryptoError)
    /// The server's key is smaller than the 2048 bits learnchat accepts.
    case weakPublicKey(bits: Int)
    /// The wrapped session key did not decrypt.
    case badWrappedKey(CryptoError)
    /// The wrapped key decrypted, but not to a 32-byte AES-256 key.
    case wrongSessionKeySize(Int)

    public var description: String {
      switch self {
      case .peerClosed(let expected):
        return "the peer closed the connection before sending \(expected)"
      case .badPublicKey(let error): return "the server's public key is unusable: \(error)"
      case .weakPublicKey(let bits):
        return "the server's RSA key has \(bits) bits; at least 2048 are required"
      case .badWrappedKey(let error): return "the wrapped session key is unusable: \(error)"
      case .wrongSessionKeySize(let count):
        return "the session key is \(count) bytes; AES-256 needs 32"
      }
    }
  }

  /// The server's half of demo 2's handshake, one step per method so a lesson can pause between.
  public struct ServerHandshake: Sendable {
    /// The server's key pair, made for this run.
    public let key: RSAPrivateKey
    /// The framed connection to the client.
    public let framed: FramedChannel

    /// A handshake over `framed` with `key`.
    public init(key: RSAPrivateKey, framed: FramedChannel) {
      self.key = key
      self.framed = framed
    }

    /// Step 2: sends the public key as PEM SubjectPublicKeyInfo in one frame; returns the PEM.
    @discardableResult
    public func sendPublicKey() throws -> [UInt8] {
      let pem = try key.publicKey.pem()
      try framed.send(pem)
      return pem
    }

    /// What the server learns in step 4.
    public struct Completion: Sendable {
      /// The RSA-OAEP ciphertext the client sent.
      public let wrappedKey: [UInt8]
      /// The session key it decrypts to.
      public let sessionKey: AESGCM.Key
    }

    /// Step 4: receives the wrapped session key and unwraps it with the private key.
    public func receiveSessionKey() throws -> Completion {
      guard let wrapped = try framed.receive() else {
        throw Demo2.HandshakeError.peerClosed(expected: "the wrapped session key")
      }
      let unwrapped: [UInt8]
      do {
        unwrapped = try key.decryptOAEP(wrapped)
      } catch let error as CryptoError {
        throw Demo2.HandshakeError.badWrappedKey(error)
      }
      guard unwrapped.count == AESGCM.keyByteCount else {
        throw Demo2.HandshakeError.wrongSessionKeySize(unwrapped.count)
      }
      return Completion(wrappedKey: wrapped, sessionKey: try AESGCM.Key(unwrapped))
    }
  }

  /// The client's half of demo 2's handshake.
  public struct ClientHandshake: Sendable {
    /// The framed connection to the server.
    public let framed: FramedChannel
    /// Where the session key and OAEP's randomness come from.
    public let context: CryptoContext

    /// A handshake over `framed`, drawing randomness from `context`.
    public init(framed: FramedChannel, context: CryptoContext = .system) {
      self.framed = framed
      self.context = context
    }

    /// What the client received in step 2.
    public struct ServerKey: Sendable {
      /// The frame body: the PEM text.
      public let pem: [UInt8]
      /// The key it holds.
      public let key: RSAPublicKey
    }

    /// Step 2, receiving side: reads the server's public-key frame.
    public func receivePublicKey() throws -> ServerKey {
      guard let pem = try framed.receive() else {
        throw Demo2.HandshakeError.peerClosed(expected: "its public key")
      }
      let key: RSAPublicKey
      do {
        key = try RSAPublicKey(pem: pem, context: context)
      } catch let error as CryptoError {
        throw Demo2.HandshakeError.badPublicKey(error)
      }
      guard key.bits >= RSAPrivateKey.defaultBits else {
        throw Demo2.HandshakeError.weakPublicKey(bits: key.bits)
      }
      return ServerKey(pem: pem, key: key)
    }

    /// What the client did in step 3.
    public struct Completion: Sendable {
      /// The fresh random session key.
      public let sessionKey: AESGCM.Key
      /// The session key encrypted with RSA-OAEP for the server.
      public let wrappedKey: [UInt8]
    }

    /// Step 3: makes a random 32-byte session key, wraps it for `serverKey`, sends it.
    public func sendSessionKey(to serverKey: RSAPublicKey) throws -> Completion {
      try send(sessionKey: makeSessionKey(), to: serverKey)
    }

    /// Step 3, first half: 32 random bytes from the context, the AES-256 session key.
    public func makeSessionKey() throws -> AESGCM.Key {
      try AESGCM.Key.random(context: context)
    }

    /// Step 3, second half: wraps `sessionKey` with RSA-OAEP for `serverKey` and sends it.
    public func send(sessionKey: AESGCM.Key, to serverKey: RSAPublicKey) throws -> Completion {
      let wrapped = try serverKey.encryptOAEP(sessionKey.bytes)
      try framed.send(wrapped)
      return Completion(sessionKey: sessionKey, wrappedKey: wrapped)
    }
  }
}
