/// Everything that can go wrong in the crypto layer, each with a one-line description.
///
/// Failures reported by OpenSSL carry OpenSSL's own error text, so a student sees the library's
/// words (for example `oaep decoding error`) rather than a number.
public enum CryptoError: Error, Equatable, CustomStringConvertible {
  /// An OpenSSL call failed; `reason` is the text from OpenSSL's error queue.
  case openSSL(operation: String, reason: String)
  /// AES-GCM's tag did not match: wrong key, wrong nonce, or a changed bit somewhere.
  case authenticationFailed
  /// RSA-OAEP decryption failed: wrong key, wrong length, or a changed ciphertext.
  case decryptionFailed(reason: String)
  /// A key, nonce or tag of the wrong size for the algorithm.
  case invalidSize(what: String, expected: Int, actual: Int)
  /// An RSA key size below 2048 bits asked for without the explicitly unsafe entry point.
  case unsafeKeySize(bits: Int)
  /// A key size that RSA key generation does not accept at all.
  case unsupportedKeySize(bits: Int)
  /// Text or bytes that should hold a key but do not parse as one.
  case malformedKey(format: String, reason: String)
  /// A well-formed key of another algorithm where an RSA key was expected.
  case notAnRSAKey(actualType: String)
  /// Input too long for OpenSSL's `int`-sized length arguments.
  case inputTooLarge(bytes: Int)
  /// A well-formed key of another algorithm where an `expected` key (such as ED25519) was.
  case wrongKeyType(expected: String, actual: String)
  /// X25519 gave no usable shared secret: the peer's public key is a low-order point.
  case keyAgreementFailed(reason: String)
  /// A requested length outside what the algorithm allows (such as HKDF's output).
  case lengthOutOfRange(what: String, range: ClosedRange<Int>, actual: Int)
  /// A C library call outside OpenSSL failed (such as `pthread_key_create`, out of keys);
  /// `reason` is the system's text for its error code.
  case system(operation: String, reason: String)

  public var description: String {
    switch self {
    case .openSSL(let operation, let reason):
      return "\(operation) failed: \(reason)"
    case .authenticationFailed:
      return "authentication failed: the message was changed or the key or nonce is wrong"
    case .decryptionFailed(let reason):
      return "RSA-OAEP decryption failed: \(reason)"
    case .invalidSize(let what, let expected, let actual):
      return "\(what) must be \(expected) bytes, got \(actual)"
    case .unsafeKeySize(let bits):
      return
        "RSA-\(bits) is too weak: use at least 2048 bits (or the unsafe option, for experiments)"
    case .unsupportedKeySize(let bits):
      return "RSA key size \(bits) is not supported (use 512 to 16384 bits)"
    case .malformedKey(let format, let reason):
      return "not a valid \(format) key: \(reason)"
    case .notAnRSAKey(let actualType):
      return "expected an RSA key, got one of type \(actualType)"
    case .inputTooLarge(let bytes):
      return "input of \(bytes) bytes is too large"
    case .wrongKeyType(let expected, let actual):
      return "expected an \(expected) key, got one of type \(actual)"
    case .keyAgreementFailed(let reason):
      return "X25519 key agreement failed: \(reason)"
    case .lengthOutOfRange(let what, let range, let actual):
      return "\(what) must be \(range.lowerBound) to \(range.upperBound) bytes, got \(actual)"
    case .system(let operation, let reason):
      return "\(operation) failed: \(reason)"
    }
  }
}

extension CryptoError {
  /// Throws ``invalidSize(what:expected:actual:)`` unless `actual` is `expected`: `what` is
  /// the value measured, such as "an AES-256 key".
  static func checkSize(_ actual: Int, is expected: Int, for what: String) throws(CryptoError) {
    guard actual == expected else {
      throw .invalidSize(what: what, expected: expected, actual: actual)
    }
  }
}
