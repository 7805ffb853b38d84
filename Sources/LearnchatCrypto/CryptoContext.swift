internal import COpenSSL
import Glibc
import Synchronization

/// The one source of randomness for every operation in the crypto layer, and the OpenSSL
/// library context those operations run in.
///
/// Random bytes, RSA key generation and RSA-OAEP's own padding seed all draw from this context's
/// generator. `CryptoContext.system` is OpenSSL's CSPRNG. `CryptoContext.seeded(_:)` replaces it
/// with a reproducible stream, for teaching and tests only.
///
/// Why a context and not a protocol that hands out bytes: OpenSSL draws randomness inside key
/// generation and OAEP itself, where no Swift callback can reach. The only way to make those
/// reproducible is to run them in an `OSSL_LIB_CTX` whose generators are OpenSSL's `TEST-RAND`,
/// fed with a stream expanded from the seed. So the context *is* the random source.
public final class CryptoContext: @unchecked Sendable {
  // Sendable: `libraryContext` is only passed to OpenSSL, which locks its own state; the
  // only mutable Swift state, the count of prepared threads, is behind a Mutex.

  /// OpenSSL's CSPRNG in OpenSSL's default library context. Use this for anything real.
  public static let system = CryptoContext()

  /// The OpenSSL library context, or nil for OpenSSL's default one.
  let libraryContext: OpaquePointer?

  /// The seed of a reproducible context; nil for the system CSPRNG.
  public let seed: [UInt8]?

  /// Marks, per thread, that this thread's generators were fed their stream.
  private let preparedThreadKey: pthread_key_t
  /// How many threads have been given a stream; the next thread gets this number.
  private let preparedThreadCount = Mutex(0)

  private init() {
    libraryContext = nil
    seed = nil
    preparedThreadKey = pthread_key_t()
  }

  private init(seed: [UInt8], libraryContext: OpaquePointer, preparedThreadKey: pthread_key_t) {
    self.seed = seed
    self.libraryContext = libraryContext
    self.preparedThreadKey = preparedThreadKey
    let kept = KeptLibraryContext(pointer: libraryContext)
    CryptoContext.keptLibraryContexts.withLock { $0.append(kept) }
  }

  // No deinit: a seeded context's OpenSSL library context is deliberately never freed.
  // OpenSSL 3.0 keeps per-thread generators for every library context a thread has drawn
  // from, and frees them when that thread exits; if the library context were freed first,
  // the exiting thread would lock freed memory (seen as a crash in pthread_rwlock_rdlock on a
  // worker thread). A process makes one seeded context per seeded run, so the cost is small.

  /// Every seeded library context this process made, held for the life of the process.
  ///
  /// Never read: it keeps the contexts (and the caches OpenSSL hangs off them) reachable after
  /// their `CryptoContext` is gone, which is what they are, so LeakSanitizer and valgrind see
  /// them as still reachable rather than leaked.
  private static let keptLibraryContexts = Mutex<[KeptLibraryContext]>([])

  /// A library context in `keptLibraryContexts`; Sendable because nothing ever uses it.
  private struct KeptLibraryContext: @unchecked Sendable {
    let pointer: OpaquePointer
  }

  /// A context whose every random value comes from a stream expanded from `seed`.
  ///
  /// Two seeded contexts with equal seeds produce byte-identical keys, nonces and OAEP
  /// ciphertexts, provided their threads first use the context in the same order (each thread
  /// gets its own stream, numbered in order of first use). **For teaching only:** anyone who
  /// knows the seed knows every key.
  public static func seeded(_ seed: [UInt8]) throws -> CryptoContext {
    OpenSSLErrors.clear()
    let libraryContext = try OpenSSLErrors.check(OSSL_LIB_CTX_new(), "OSSL_LIB_CTX_new")
    // Must happen before the context's generators are first created.
    guard RAND_set_DRBG_type(libraryContext, "TEST-RAND", nil, nil, nil) == 1 else {
      let error = OpenSSLErrors.error("RAND_set_DRBG_type")
      OSSL_LIB_CTX_free(libraryContext)
      throw error
    }
    // The key marks which threads were fed; a process has a limited number of them (EAGAIN).
    var preparedThreadKey = pthread_key_t()
    let status = pthread_key_create(&preparedThreadKey, nil)
    guard status == 0 else {
      OSSL_LIB_CTX_free(libraryContext)
      throw CryptoError.system(
        operation: "pthread_key_create", reason: String(cString: strerror(status)))
    }
    return CryptoContext(
      seed: seed, libraryContext: libraryContext, preparedThreadKey: preparedThreadKey)
  }

  /// A seeded context whose seed is the UTF-8 bytes of `seed` (what `--seed S` passes).
  public static func seeded(_ seed: String) throws -> CryptoContext {
    try seeded(Array(seed.utf8))
  }

  /// Whether this context is reproducible (and so unfit for real secrets).
  public var isSeeded: Bool { seed != nil }

  /// `count` random bytes from this context's generator.
  public func randomBytes(_ count: Int) throws -> [UInt8] {
    precondition(count >= 0, "a negative count is a programming error")
    guard count > 0 else { return [] }
    try prepareCurrentThread()
    OpenSSLErrors.clear()
    var bytes = [UInt8](repeating: 0, count: count)
    let status = bytes.withUnsafeMutableBufferPointer { buffer in
      RAND_bytes_ex(libraryContext, buffer.baseAddress, buffer.count, 0)
    }
    try OpenSSLErrors.check(status, "RAND_bytes_ex")
    return bytes
  }

  /// Feeds this thread's public and private generators their streams, once per thread.
  ///
  /// Every operation that may draw randomness calls this first. OpenSSL 3.0 keeps one public
  /// and one private generator per thread and library context, so each thread must be fed
  /// before its first draw; nothing happens for the system context.
  func prepareCurrentThread() throws {
    guard let libraryContext, let seed else { return }
    guard pthread_getspecific(preparedThreadKey) == nil else { return }
    let threadNumber = preparedThreadCount.withLock { count in
      defer { count += 1 }
      return count
    }
    OpenSSLErrors.clear()
    let generators = [
      ("public", RAND_get0_public(libraryContext)),
      ("private", RAND_get0_private(libraryContext)),
    ]
    for (name, generator) in generators {
      let generator = try OpenSSLErrors.check(generator, "RAND_get0_\(name)")
      let stream = try SeededStream.expand(
        seed: seed, thread: threadNumber, generator: name, count: SeededStream.length)
      try TestRandom.feed(generator, with: stream)
    }
    // Marked only once fed, so a thread whose feeding failed is fed again on its next draw.
    let status = pthread_setspecific(preparedThreadKey, UnsafeRawPointer(bitPattern: 1))
    guard status == 0 else {
      throw CryptoError.system(
        operation: "pthread_setspecific", reason: String(cString: strerror(status)))
    }
  }
}
