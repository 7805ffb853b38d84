import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// RSA keys made once per test run: an RSA-2048 key takes a few tenths of a second to generate.
enum SharedKey {
  static let server = Result { try RSAPrivateKey() }
  /// Too small for learnchat to accept; made with the explicitly unsafe entry point.
  static let weak = Result { try RSAPrivateKey.unsafeGenerating(bits: 1024) }
}

/// The two framed ends of a loopback connection.
///
/// Reads give up after 30 s, so a broken implementation fails a test instead of hanging the run;
/// no test waits anywhere near that long when the code works.
struct FramedPair {
  let server: FramedChannel
  let client: FramedChannel

  init() throws {
    let (server, client) = try makeLoopbackPair()
    try server.setReadTimeout(30)
    try client.setReadTimeout(30)
    self.server = FramedChannel(connection: server)
    self.client = FramedChannel(connection: client)
  }

  func close() {
    server.close()
    client.close()
  }
}

/// Two secure channels on a loopback connection, holding the same session key as after a
/// handshake.
struct SecurePair {
  let key: AESGCM.Key
  let server: SecureChannel
  let client: SecureChannel

  init(key: AESGCM.Key? = nil) throws {
    let framed = try FramedPair()
    let key = try key ?? AESGCM.Key.random()
    self.key = key
    server = try SecureChannel(framed: framed.server, key: key)
    client = try SecureChannel(framed: framed.client, key: key)
  }

  func close() {
    server.framed.close()
    client.framed.close()
  }
}

extension Array where Element == UInt8 {
  /// The UTF-8 bytes of `text`.
  init(text: String) {
    self.init(text.utf8)
  }
}
