import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// Settings shared by `learnchat serve` and `learnchat connect`.
public struct ChatOptions: Sendable {
  /// Which demo's protocol: 1 (plaintext), 2 (RSA handshake + AES-GCM) or 3 (X25519 +
  /// Ed25519-signed handshake, per-direction keys, counted nonces).
  public var demo: ChatDemo
  /// The largest frame body accepted from the peer (demos 2 and 3).
  public var maximumFrameSize: Int
  /// How long the handshake may wait for the peer's next frame, in seconds (demos 2 and 3). An
  /// idle chat after the handshake is never timed out.
  public var handshakeTimeout: Double
  /// Renders each frame for `--show-wire`; nil to show none.
  public var showWire: (@Sendable (WireEvent) -> String)?
  /// The server's identity key (demo 3, server).
  public var identity: Ed25519.PrivateKey?
  /// The client's trust in the server's identity (demo 3, client).
  public var pinning: ServerPinning?
  /// Where the connections are recorded for `--pcap`, if anywhere.
  public var capture: CaptureLog?
  /// Asks the person at the keyboard a question and returns the answer (nil at the end of
  /// input); nil when no one is there to answer.
  public var ask: (@Sendable (String) -> String?)?

  /// Options for `demo`, with the defaults of `learnchat serve`.
  public init(
    demo: ChatDemo = .demo2, maximumFrameSize: Int = FrameDecoder.defaultMaximumBodySize,
    handshakeTimeout: Double = 10, showWire: (@Sendable (WireEvent) -> String)? = nil
  ) {
    self.demo = demo
    self.maximumFrameSize = maximumFrameSize
    self.handshakeTimeout = handshakeTimeout
    self.showWire = showWire
  }
}
