/// One packet for the capture file: when it is shown, its bytes (an IP packet), and a comment.
struct CapturedPacket: Equatable {
  /// When Wireshark shows it.
  var timestamp: WireTimestamp
  /// An IPv4 or IPv6 packet carrying one TCP segment.
  var bytes: [UInt8]
  /// A packet comment saying where the packet came from, or nil.
  var comment: String?
}
