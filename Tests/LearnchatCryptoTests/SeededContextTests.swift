import Foundation
import LearnchatCrypto
import Testing

/// `--seed` must make every random value reproducible: RSA keys, session keys, OAEP's own seed
/// and nonces, all drawn through the one context.
@Suite("Seeded randomness")
struct SeededContextTests {
  /// Everything a demo-2 handshake draws, in order, from one context.
  struct Draws: Equatable {
    let publicKeyPEM: [UInt8]
    let sessionKey: [UInt8]
    let wrappedKey: [UInt8]
    let nonce: [UInt8]
  }

  static func handshakeDraws(seed: String) throws -> Draws {
    let context = try CryptoContext.seeded(seed)
    let key = try RSAPrivateKey(context: context)
    let sessionKey = try AESGCM.Key.random(context: context)
    let wrapped = try key.publicKey.encryptOAEP(sessionKey.bytes)
    #expect(try key.decryptOAEP(wrapped) == sessionKey.bytes)
    return Draws(
      publicKeyPEM: try key.publicKey.pem(), sessionKey: sessionKey.bytes, wrappedKey: wrapped,
      nonce: try AESGCM.Nonce.random(context: context).bytes)
  }

  @Test("equal seeds give byte-identical keys, session keys, OAEP ciphertexts and nonces")
  func equalSeeds() throws {
    let first = try Self.handshakeDraws(seed: "class of 2026")
    let second = try Self.handshakeDraws(seed: "class of 2026")
    #expect(first == second)
    #expect(first.publicKeyPEM.count == 451)
  }

  @Test("different seeds give different values")
  func differentSeeds() throws {
    let first = try CryptoContext.seeded("a")
    let second = try CryptoContext.seeded("b")
    #expect(try first.randomBytes(32) != second.randomBytes(32))
    #expect(
      try RSAPrivateKey.unsafeGenerating(bits: 1024, context: first).publicKey.der()
        != RSAPrivateKey.unsafeGenerating(bits: 1024, context: second).publicKey.der())
  }

  @Test("a seeded stream goes on: consecutive draws differ, and repeat across contexts")
  func streamContinues() throws {
    let first = try CryptoContext.seeded("stream")
    let second = try CryptoContext.seeded("stream")
    let a = try first.randomBytes(16)
    let b = try first.randomBytes(16)
    #expect(a != b)
    #expect(try second.randomBytes(16) == a)
    #expect(try second.randomBytes(16) == b)
  }

  @Test("each thread gets its own stream, numbered in order of first use")
  func threadsGetTheirOwnStreams() throws {
    func drawOnTwoThreads(_ context: CryptoContext) throws -> [[UInt8]] {
      let main = try context.randomBytes(16)
      let other = try ThreadRunner.run { try context.randomBytes(16) }
      return [main, other]
    }
    let first = try drawOnTwoThreads(CryptoContext.seeded("threads"))
    let second = try drawOnTwoThreads(CryptoContext.seeded("threads"))
    #expect(first == second)
    #expect(first[0] != first[1], "a second thread must not repeat the first thread's bytes")
  }

  @Test("the system context is not seeded and never repeats")
  func systemContext() throws {
    #expect(!CryptoContext.system.isSeeded)
    #expect(try CryptoContext.seeded("x").isSeeded)
    let a = try CryptoContext.system.randomBytes(32)
    #expect(a.count == 32)
    #expect(try CryptoContext.system.randomBytes(32) != a)
    #expect(try CryptoContext.system.randomBytes(0) == [])
  }
}

/// Runs a closure on a new thread and waits for its result.
enum ThreadRunner {
  static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) throws -> T {
    let box = ResultBox<T>()
    let thread = Thread { box.set(Result { try body() }) }
    thread.start()
    return try box.wait().get()
  }

  final class ResultBox<T: Sendable>: @unchecked Sendable {
    // Sendable: `result` is written once before `done` is signalled and read after waiting.
    private var result: Result<T, Error>?
    private let done = DispatchSemaphore(value: 0)

    func set(_ value: Result<T, Error>) {
      result = value
      done.signal()
    }

    func wait() -> Result<T, Error> {
      done.wait()
      return result!
    }
  }
}

@Suite("Seeded streams are long enough")
struct SeededStreamLengthTests {
  @Test("eight seeds each give two RSA-2048 keys without running the stream dry")
  func manyKeys() throws {
    for seed in 0..<8 {
      let context = try CryptoContext.seeded("stream length \(seed)")
      #expect(try RSAPrivateKey(context: context).bits == 2048)
      #expect(try RSAPrivateKey(context: context).bits == 2048)
    }
  }
}
