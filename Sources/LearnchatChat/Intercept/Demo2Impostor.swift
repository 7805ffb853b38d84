import LearnchatCrypto
import LearnchatDemos
import LearnchatWire
import Synchronization

/// The man in the middle of demo 2's handshake: the client gets the impostor's public key in
/// place of the server's, wraps its session key for the impostor, who unwraps it and wraps it
/// again for the real server. Both ends then hold the same key, and so does the impostor.
final class Demo2Impostor: Sendable {
  /// The impostor's own key pair, made once for the relay.
  let key: RSAPrivateKey
  private let serverKey = Mutex<RSAPublicKey?>(nil)

  init(key: RSAPrivateKey) {
    self.key = key
  }

  /// What goes on instead of a handshake frame.
  struct Replacement {
    let bytes: [UInt8]
    let change: String
    /// The session key, once unwrapped.
    let sessionKey: AESGCM.Key?
  }

  /// The frame to send on in place of `frame` (prefix included) going `direction`.
  func replace(_ frame: [UInt8], direction: RelayDirection) throws -> Replacement {
    let body = Array(frame.dropFirst(FrameDecoder.headerSize))
    switch direction {
    case .serverToClient:
      serverKey.withLock { $0 = nil }
      let real = try RSAPublicKey(pem: body)
      serverKey.withLock { $0 = real }
      return Replacement(
        bytes: try FrameEncoder.encode(try key.publicKey.pem()),
        change: "the relay's own public key in place of the server's", sessionKey: nil)
    case .clientToServer:
      guard let real = serverKey.withLock({ $0 }) else {
        throw ImpostorError.noServerKey
      }
      let sessionKey = try AESGCM.Key(key.decryptOAEP(body))
      let rewrapped = try real.encryptOAEP(sessionKey.bytes)
      return Replacement(
        bytes: try FrameEncoder.encode(rewrapped),
        change: "the session key unwrapped with the relay's key and wrapped again for the server",
        sessionKey: sessionKey)
    }
  }

  enum ImpostorError: Error, CustomStringConvertible {
    case noServerKey

    var description: String {
      "the client sent its wrapped key before the server's public key came: not demo 2?"
    }
  }
}
