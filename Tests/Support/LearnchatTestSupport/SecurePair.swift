import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// The two framed ends of a loopback connection.
///
/// Reads give up after 30 s, so a broken implementation fails a test instead of hanging the run;
/// no test waits anywhere near that long when the code works.
public struct FramedPair {
  /// The accepting end.
  public let server: FramedChannel
  /// The connecting end.
  public let client: FramedChannel

  /// A fresh loopback connection, framed at both ends.
  public init() throws {
    let (server, client) = try makeLoopbackPair()
    try server.setReadTimeout(30)
    try client.setReadTimeout(30)
    self.server = FramedChannel(connection: server)
    self.client = FramedChannel(connection: client)
  }

  /// Closes both ends.
  public func close() {
    server.close()
    client.close()
  }
}

/// Two secure channels on a loopback connection, holding the same session key as after a
/// handshake.
public struct SecurePair {
  /// The session key both hold.
  public let key: AESGCM.Key
  /// The accepting end.
  public let server: Demo2.Channel
  /// The connecting end.
  public let client: Demo2.Channel

  /// Channels under `key`, or under a fresh random key.
  public init(key: AESGCM.Key? = nil) throws {
    let framed = try FramedPair()
    let key = try key ?? AESGCM.Key.random()
    self.key = key
    server = try Demo2.Channel(framed: framed.server, key: key)
    client = try Demo2.Channel(framed: framed.client, key: key)
  }

  /// Closes both ends.
  public func close() {
    server.framed.close()
    client.framed.close()
  }
}
