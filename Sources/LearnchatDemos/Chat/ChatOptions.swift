import LearnchatWire

/// Settings shared by `learnchat serve` and `learnchat connect`.
public struct ChatOptions: Sendable {
  /// Which demo's protocol: 1 (plaintext) or 2 (RSA handshake + AES-GCM).
  public var demo: Int
  /// The largest frame body accepted from the peer (demo 2).
  public var maximumFrameSize: Int
  /// How long the handshake may wait for the peer's next frame, in seconds (demo 2). An idle
  /// chat after the handshake is never timed out.
  public var handshakeTimeout: Double
  /// Renders each frame for `--show-wire`; nil to show none.
  public var showWire: (@Sendable (WireEvent) -> String)?

  /// Options for `demo`, with the defaults of `learnchat serve`.
  public init(
    demo: Int = 2, maximumFrameSize: Int = FrameDecoder.defaultMaximumBodySize,
    handshakeTimeout: Double = 10, showWire: (@Sendable (WireEvent) -> String)? = nil
  ) {
    self.demo = demo
    self.maximumFrameSize = maximumFrameSize
    self.handshakeTimeout = handshakeTimeout
    self.showWire = showWire
  }
}
