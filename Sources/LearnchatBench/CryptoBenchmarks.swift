import LearnchatCrypto

/// The crypto layer's figures: RSA key generation, OAEP, AES-256-GCM at three sizes.
enum CryptoBenchmarks {
  static func keyGeneration(runs: Int) throws -> BenchFigure {
    let times = try measure(runs: runs) {
      try Stopwatch.time { _ = try RSAPrivateKey() } * 1000
    }
    return BenchFigure(
      key: "rsa_keygen", name: "RSA-2048 key generation", unit: "ms", values: times)
  }

  static func oaep(runs: Int, key: RSAPrivateKey) throws -> [BenchFigure] {
    let secret = try CryptoContext.system.randomBytes(32)
    let operations = 50
    let wrapped = try key.publicKey.encryptOAEP(secret)
    let wrap = try measure(runs: runs) {
      try Stopwatch.time {
        for _ in 0..<operations { _ = try key.publicKey.encryptOAEP(secret) }
      } / Double(operations) * 1e6
    }
    let unwrap = try measure(runs: runs) {
      try Stopwatch.time {
        for _ in 0..<operations { _ = try key.decryptOAEP(wrapped) }
      } / Double(operations) * 1e6
    }
    return [
      BenchFigure(key: "oaep_wrap", name: "RSA-OAEP wrap (public key)", unit: "µs", values: wrap),
      BenchFigure(
        key: "oaep_unwrap", name: "RSA-OAEP unwrap (private key)", unit: "µs", values: unwrap),
    ]
  }

  static func gcm(runs: Int, size: Int) throws -> [BenchFigure] {
    let key = try AESGCM.Key.random()
    let nonce = try AESGCM.Nonce.random()
    let plaintext = [UInt8](repeating: 0x61, count: size)
    // A sealer and an opener keep the key set up, as a channel does.
    let sealer = try AESGCM.Sealer(key: key)
    let opener = try AESGCM.Opener(key: key)
    let sealed = try sealer.seal(plaintext, nonce: nonce)
    // Enough operations per run to last a few milliseconds at any size.
    let operations = max(200, 4_000_000 / max(size, 64) / 4)
    let seal = try measure(runs: runs) {
      Double(operations)
        / (try Stopwatch.time {
          for _ in 0..<operations { _ = try sealer.seal(plaintext, nonce: nonce) }
        })
    }
    let open = try measure(runs: runs) {
      Double(operations)
        / (try Stopwatch.time {
          for _ in 0..<operations { _ = try opener.open(sealed) }
        })
    }
    let label = size >= 1024 ? "\(size / 1024) KiB" : "\(size) B"
    return [
      BenchFigure(
        key: "gcm_seal_\(size)", name: "AES-256-GCM seal, \(label)", unit: "ops/s", values: seal),
      BenchFigure(
        key: "gcm_open_\(size)", name: "AES-256-GCM open, \(label)", unit: "ops/s", values: open),
    ]
  }
}
