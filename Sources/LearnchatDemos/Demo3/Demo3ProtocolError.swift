import LearnchatCrypto

extension Demo3 {
  /// Why demo 3 refused a handshake or ended a connection.
  public enum ProtocolError: Error, Equatable, CustomStringConvertible {
    /// The peer closed the connection before sending `expected`.
    case peerClosed(expected: String)
    /// A handshake frame of the wrong size.
    case malformedHandshake(what: String, expected: Int, actual: Int)
    /// The ServerHello's signature does not verify under the identity key it names.
    case badSignature
    /// The server's identity is not the pinned one.
    case identityChanged(pinned: String, presented: String)
    /// The client's trust policy refused the identity for another reason.
    case untrusted(reason: String)
    /// A message frame did not authenticate: tampered, replayed, reflected, dropped or reordered.
    case messageRejected(sequence: UInt64)
    /// A key agreement or derivation failed.
    case keyAgreement(CryptoError)

    public var description: String {
      switch self {
      case .peerClosed(let expected):
        return "the peer closed the connection before sending \(expected)"
      case .malformedHandshake(let what, let expected, let actual):
        return "the \(what) is \(actual) bytes; demo 3 expects \(expected)"
      case .badSignature:
        return "the server's signature over the handshake does not verify: refusing"
      case .identityChanged(let pinned, let presented):
        return "THE SERVER'S IDENTITY HAS CHANGED: pinned \(pinned), presented \(presented); "
          + "refusing (someone may be in the middle)"
      case .untrusted(let reason):
        return "the server's identity is not trusted: \(reason)"
      case .messageRejected(let sequence):
        return "message \(sequence) failed authentication (tampered, replayed, reflected, "
          + "dropped or reordered): closing the connection"
      case .keyAgreement(let error):
        return "key agreement failed: \(error)"
      }
    }
  }
}
