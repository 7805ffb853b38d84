import LearnchatCrypto

/// Key import fed arbitrary bytes: `RSAPublicKey(pem:)`, `RSAPublicKey(der:)`,
/// `Ed25519.PublicKey(pem:)`, `RSAPrivateKey(pem:)` and `Ed25519.PrivateKey(pem:)`, all on the
/// same bytes.
///
/// Each must throw or succeed. A key that imports must export, and what it exports must import
/// again to the same key (the same DER, or the same raw bytes for Ed25519).
enum KeyImportFuzz {
  static func run(_ input: [UInt8]) {
    if let key = try? RSAPublicKey(pem: input) { checkRoundTrip(key) }
    if let key = try? RSAPublicKey(der: input) { checkRoundTrip(key) }
    if let key = try? Ed25519.PublicKey(pem: input) { checkRoundTrip(key) }
    if let key = try? RSAPrivateKey(pem: input) { checkRoundTrip(key) }
    if let key = try? Ed25519.PrivateKey(pem: input) { checkRoundTrip(key) }
  }

  private static func checkRoundTrip(_ key: RSAPublicKey) {
    _ = key.bits
    _ = try? key.modulus()
    _ = try? key.publicExponent()
    let der = mustExport("RSA public DER") { try key.der() }
    let pem = mustExport("RSA public PEM") { try key.pem() }
    let fromDER = mustExport("RSA public DER re-import") { try RSAPublicKey(der: der).der() }
    let fromPEM = mustExport("RSA public PEM re-import") { try RSAPublicKey(pem: pem).der() }
    invariant(fromDER == der, "an RSA public key changed through DER")
    invariant(fromPEM == der, "an RSA public key changed through PEM")
  }

  private static func checkRoundTrip(_ key: Ed25519.PublicKey) {
    let pem = mustExport("Ed25519 public PEM") { try key.pem() }
    let again = mustExport("Ed25519 public PEM re-import") { try Ed25519.PublicKey(pem: pem) }
    invariant(again == key, "an Ed25519 public key changed through PEM")
    invariant(
      mustExport("Ed25519 public PEM re-export") { try again.pem() } == pem,
      "an Ed25519 public key's PEM changed")
  }

  private static func checkRoundTrip(_ key: RSAPrivateKey) {
    checkRoundTrip(key.publicKey)
    let der = mustExport("RSA public DER of a private key") { try key.publicKey.der() }
    let pem = mustExport("RSA private PEM") { try key.pem() }
    let again = mustExport("RSA private PEM re-import") { try RSAPrivateKey(pem: pem) }
    invariant(
      mustExport("RSA public DER after re-import") { try again.publicKey.der() } == der,
      "an RSA private key changed through PEM")
    invariant(
      mustExport("RSA private PEM re-export") { try again.pem() } == pem,
      "an RSA private key's PEM changed")
  }

  private static func checkRoundTrip(_ key: Ed25519.PrivateKey) {
    checkRoundTrip(key.publicKey)
    let pem = mustExport("Ed25519 private PEM") { try key.pem() }
    let again = mustExport("Ed25519 private PEM re-import") { try Ed25519.PrivateKey(pem: pem) }
    invariant(again.rawRepresentation == key.rawRepresentation, "an Ed25519 seed changed")
    invariant(again.publicKey == key.publicKey, "an Ed25519 public key changed")
  }

  /// Exporting (or re-importing) a key that imported must not fail.
  private static func mustExport<T>(_ what: String, _ body: () throws -> T) -> T {
    do {
      return try body()
    } catch {
      fatalError("\(what) failed for a key that imported: \(error)")
    }
  }
}
