import Dispatch
import LearnchatCrypto
import Synchronization
import Testing

@Suite("RSA-OAEP with SHA-256 and MGF1-SHA-256")
struct OAEPTests {
  @Test("a wrapped session key is 256 bytes and unwraps to the same 32 bytes")
  func roundTrip() throws {
    let key = try SharedKeys.first.get()
    let sessionKey = try CryptoContext.system.randomBytes(32)
    let wrapped = try key.publicKey.encryptOAEP(sessionKey)
    #expect(wrapped.count == 256)
    #expect(try key.decryptOAEP(wrapped) == sessionKey)
  }

  @Test("OAEP is randomised: the same key wrapped twice gives different ciphertexts")
  func randomised() throws {
    let key = try SharedKeys.first.get().publicKey
    let secret = [UInt8](repeating: 7, count: 32)
    #expect(try key.encryptOAEP(secret) != key.encryptOAEP(secret))
  }

  @Test("the wrong private key cannot unwrap")
  func wrongKey() throws {
    let wrapped = try SharedKeys.first.get().publicKey.encryptOAEP([1, 2, 3])
    #expect {
      try SharedKeys.second.get().decryptOAEP(wrapped)
    } throws: { error in
      guard case CryptoError.decryptionFailed(let reason) = error else { return false }
      // OpenSSL says "oaep decoding error", or "data too large for modulus" when the
      // ciphertext, read as a number, exceeds the other key's modulus.
      return reason.contains("oaep decoding error") || reason.contains("data too large")
    }
  }

  @Test("ciphertexts of the wrong length are refused", arguments: [0, 1, 255, 257, 512])
  func wrongLength(length: Int) throws {
    let key = try SharedKeys.first.get()
    #expect(
      throws: CryptoError.decryptionFailed(
        reason: "ciphertext is \(length) bytes, the key needs 256")
    ) {
      try key.decryptOAEP([UInt8](repeating: 1, count: length))
    }
  }

  @Test("a changed ciphertext is refused")
  func tampered() throws {
    let key = try SharedKeys.first.get()
    var wrapped = try key.publicKey.encryptOAEP([UInt8](repeating: 9, count: 32))
    wrapped[128] ^= 0x01
    #expect(throws: CryptoError.self) { try key.decryptOAEP(wrapped) }
  }

  @Test("a plaintext longer than OAEP allows (190 bytes for RSA-2048) carries OpenSSL's reason")
  func tooLong() throws {
    let key = try SharedKeys.first.get().publicKey
    #expect(try key.encryptOAEP([UInt8](repeating: 0, count: 190)).count == 256)
    #expect {
      try key.encryptOAEP([UInt8](repeating: 0, count: 191))
    } throws: { error in
      guard case CryptoError.openSSL(operation: "EVP_PKEY_encrypt", let reason) = error else {
        return false
      }
      return reason.contains("too large")
    }
  }
}

/// The OAEP context each key keeps for its wraps and unwraps.
@Suite("RSA-OAEP's kept contexts")
struct OAEPKeptContextTests {
  @Test("after a refused unwrap the key still unwraps, and wraps keep working")
  func refusalLeavesTheKeyWorking() throws {
    let key = try SharedKeys.first.get()
    let secret = try CryptoContext.system.randomBytes(32)
    var wrapped = try key.publicKey.encryptOAEP(secret)
    wrapped[7] ^= 0x10
    #expect(throws: CryptoError.self) { try key.decryptOAEP(wrapped) }
    #expect(throws: CryptoError.self) {
      try key.publicKey.encryptOAEP([UInt8](repeating: 0, count: 191))
    }
    #expect(try key.decryptOAEP(key.publicKey.encryptOAEP(secret)) == secret)
  }

  @Test("wraps and unwraps from many threads at once each get their own answer")
  func manyThreads() throws {
    let key = try SharedKeys.first.get()
    let secrets = try (0..<16).map { _ in try CryptoContext.system.randomBytes(32) }
    let unwrapped = Mutex<[Int: [UInt8]]>([:])
    let failures = Mutex<[String]>([])
    DispatchQueue.concurrentPerform(iterations: secrets.count) { index in
      do {
        let wrapped = try key.publicKey.encryptOAEP(secrets[index])
        let secret = try key.decryptOAEP(wrapped)
        unwrapped.withLock { $0[index] = secret }
      } catch {
        failures.withLock { $0.append("\(error)") }
      }
    }
    #expect(failures.withLock { $0 } == [])
    #expect(
      unwrapped.withLock { $0 }
        == Dictionary(uniqueKeysWithValues: secrets.enumerated().map { ($0, $1) }))
  }
}
