internal import COpenSSL
import Synchronization

/// One RSA key's OAEP encryption or decryption in OpenSSL: an `EVP_PKEY_CTX` set up once (made,
/// initialised, OAEP padding and both digests set) and kept for every later wrap or unwrap.
///
/// Setting a context up fetches the algorithms from OpenSSL's providers each time: 2 to 7 µs a
/// wrap in a C loop over OpenSSL, against about 18 µs for the wrap itself on a kept context (as
/// `openssl speed` keeps its contexts).
final class OAEPOperation: Sendable {
  /// Which of the key's two operations.
  enum Kind: Sendable {
    case encryption
    case decryption
  }

  private let kind: Kind
  private let key: PKeyHandle
  private let context: CryptoContext
  // The context once set up, nil before the first use (and after a failure). A context serves
  // one operation at a time, so it is only used under this Mutex.
  private let prepared = Mutex<OpaquePointer?>(nil)

  /// `kind` with `key`, drawing randomness (OAEP's seed, the private operation's blinding) from
  /// `context`. Nothing is set up until the first use.
  init(_ kind: Kind, key: PKeyHandle, context: CryptoContext) {
    self.kind = kind
    self.key = key
    self.context = context
  }

  deinit {
    prepared.withLock { EVP_PKEY_CTX_free($0) }
  }

  /// Runs `body` with the set-up context; other callers wait until it returns.
  ///
  /// When `body` throws, the context is freed rather than kept, so a failed operation can leave
  /// nothing behind for the next one.
  func run<Result: Sendable>(_ body: (OpaquePointer) throws -> Result) throws -> Result {
    try context.prepareCurrentThread()
    return try prepared.withLock { prepared in
      let operation = try prepared ?? setUp()
      prepared = nil
      do {
        let result = try body(operation)
        prepared = operation
        return result
      } catch {
        EVP_PKEY_CTX_free(operation)
        throw error
      }
    }
  }

  private func setUp() throws -> OpaquePointer {
    OpenSSLErrors.clear()
    let operation = try OpenSSLErrors.check(
      EVP_PKEY_CTX_new_from_pkey(context.libraryContext, key.pointer, nil),
      "EVP_PKEY_CTX_new_from_pkey")
    do {
      switch kind {
      case .encryption:
        try OpenSSLErrors.check(EVP_PKEY_encrypt_init(operation), "EVP_PKEY_encrypt_init")
      case .decryption:
        try OpenSSLErrors.check(EVP_PKEY_decrypt_init(operation), "EVP_PKEY_decrypt_init")
      }
      try OAEPParameters.apply(to: operation)
    } catch {
      EVP_PKEY_CTX_free(operation)
      throw error
    }
    return operation
  }
}
