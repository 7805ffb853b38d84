import LearnchatDemos
import LearnchatWire

/// Settings of `learnchat intercept`.
public struct InterceptOptions: Sendable {
  /// The demo the chat speaks: 1, 2 or 3.
  public var demo: ChatDemo
  /// What the relay does to the traffic.
  public var attack: InterceptAttack
  /// The largest frame body accepted from either peer.
  public var maximumFrameSize: Int
  /// Where the relay's connections are recorded (`--pcap`), if anywhere.
  public var capture: CaptureLog?
  /// Whether to stop after the first client.
  public var once: Bool

  /// Options for `demo` and `attack`.
  public init(
    demo: ChatDemo, attack: InterceptAttack,
    maximumFrameSize: Int = FrameDecoder.defaultMaximumBodySize,
    capture: CaptureLog? = nil, once: Bool = false
  ) {
    self.demo = demo
    self.attack = attack
    self.maximumFrameSize = maximumFrameSize
    self.capture = capture
    self.once = once
  }
}

/// Which way a unit goes through the relay.
enum RelayDirection: Sendable {
  case clientToServer
  case serverToClient

  var from: String { self == .clientToServer ? "client" : "server" }
  var to: String { self == .clientToServer ? "server" : "client" }
}
