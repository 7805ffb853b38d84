/// One end of a captured TCP connection: the address and port its packets carry.
public struct CaptureEndpoint: Hashable, Sendable, CustomStringConvertible {
  /// The IP address.
  public var address: IPAddress
  /// The TCP port.
  public var port: UInt16

  /// An endpoint from its parts.
  public init(address: IPAddress, port: UInt16) {
    self.address = address
    self.port = port
  }

  /// The endpoint of a connected socket's address.
  ///
  /// - Throws: `CaptureError.unsupportedAddress` when the host is not a numeric IPv4 or IPv6
  ///   address (the kernel's addresses always are).
  public init(_ socketAddress: SocketAddress) throws(CaptureError) {
    guard let address = IPAddress(socketAddress.host) else {
      throw .unsupportedAddress(socketAddress.host)
    }
    self.init(address: address, port: socketAddress.port)
  }

  /// `127.0.0.1:5002`, or `[::1]:5002`.
  public var description: String {
    address.isIPv6 ? "[\(address)]:\(port)" : "\(address):\(port)"
  }
}
