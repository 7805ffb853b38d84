import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// RSA keys made once per test run: an RSA-2048 key takes a few tenths of a second to generate.
enum SharedKey {
  static let server = Result { try RSAPrivateKey() }
  /// Too small for learnchat to accept; made with the explicitly unsafe entry point.
  static let weak = Result { try RSAPrivateKey.unsafeGenerating(bits: 1024) }
}

extension Array where Element == UInt8 {
  /// The UTF-8 bytes of `text`.
  init(text: String) {
    self.init(text.utf8)
  }
}
