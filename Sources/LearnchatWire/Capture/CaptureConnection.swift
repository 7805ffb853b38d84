/// One TCP connection as a capture file shows it: its two ends, which of them was tapped, when
/// it opened and closed, and the tapped end's records.
///
/// The records are one end's view: `.sent` records become segments from that end, `.received`
/// records segments from its peer. When both ends of a loopback connection were tapped, give
/// the writer only one of them: the two views hold the same bytes, and two streams with the same
/// addresses and ports would look to Wireshark like one connection with everything twice.
public struct CaptureConnection: Equatable, Sendable {
  /// Which end of the connection the records were taken on.
  public enum TappedEnd: Equatable, Sendable {
    /// The end that connected.
    case client
    /// The end that accepted.
    case server
  }

  /// The end that connected (it sends the SYN).
  public var client: CaptureEndpoint
  /// The end that accepted.
  public var server: CaptureEndpoint
  /// Whose records these are.
  public var tappedEnd: TappedEnd
  /// When the connection opened: the SYN, SYN-ACK and ACK are placed here.
  public var opened: WireTimestamp
  /// When the tapped end closed (sent its FIN); nil while it is open. After it, the peer's FIN
  /// follows at once if ``peerClosed`` has not come first: a capture of a closed connection
  /// ends with a FIN from each side.
  public var closed: WireTimestamp?
  /// When the tapped end read end of stream (the peer's FIN arrived); nil if it never did.
  public var peerClosed: WireTimestamp?
  /// The tapped end's sends and reads, in the order they happened (the tap's order).
  public var records: [WireRecord]

  /// A connection from its parts.
  public init(
    client: CaptureEndpoint, server: CaptureEndpoint, tappedEnd: TappedEnd,
    opened: WireTimestamp, closed: WireTimestamp? = nil, peerClosed: WireTimestamp? = nil,
    records: [WireRecord]
  ) {
    self.client = client
    self.server = server
    self.tappedEnd = tappedEnd
    self.opened = opened
    self.closed = closed
    self.peerClosed = peerClosed
    self.records = records
  }

  /// The tapped end's own address.
  public var tapped: CaptureEndpoint { tappedEnd == .client ? client : server }

  /// The address of the tapped end's peer.
  public var peer: CaptureEndpoint { tappedEnd == .client ? server : client }
}
