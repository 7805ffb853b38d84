import LearnchatCrypto

/// RSA-2048 keys made once per test run: generation takes a quarter of a second each on
/// Debian's OpenSSL 3.0, and most tests only need some key.
enum SharedKeys {
  static let first = Result { try RSAPrivateKey() }
  static let second = Result { try RSAPrivateKey() }
}
