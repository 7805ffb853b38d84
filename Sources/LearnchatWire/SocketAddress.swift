import Glibc

/// The numeric host and port at one end of a TCP connection, such as `127.0.0.1:5002`.
public struct SocketAddress: Hashable, Sendable, CustomStringConvertible {
  /// The numeric host: `127.0.0.1` or `::1`, never a name.
  public var host: String
  /// The TCP port.
  public var port: UInt16

  /// An address from its parts; `host` is kept as given.
  public init(host: String, port: UInt16) {
    self.host = host
    self.port = port
  }

  /// `host:port`, with an IPv6 host in brackets (`[::1]:5002`) so the port stays readable.
  public var description: String {
    host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
  }

  /// The way Python prints an address tuple, `('127.0.0.1', 53422)`.
  ///
  /// Demo 1's server prints `[*] Connection from (ip, port)` like this, and learnchat prints the
  /// same line so its console matches the original script's.
  public var pythonTupleDescription: String { "('\(host)', \(port))" }
}

extension SocketAddress {
  /// Reads an IPv4 or IPv6 `sockaddr` as the kernel or the resolver filled it in.
  init(storage: sockaddr_storage) throws(SystemError) {
    var storage = storage
    var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
    let capacity = socklen_t(text.count)
    let converted: UnsafePointer<CChar>?
    let port: UInt16
    switch Int32(storage.ss_family) {
    case AF_INET:
      var address = withUnsafeBytes(of: &storage) { $0.load(as: sockaddr_in.self) }
      port = UInt16(bigEndian: address.sin_port)
      converted = inet_ntop(AF_INET, &address.sin_addr, &text, capacity)
    case AF_INET6:
      var address = withUnsafeBytes(of: &storage) { $0.load(as: sockaddr_in6.self) }
      port = UInt16(bigEndian: address.sin6_port)
      converted = inet_ntop(AF_INET6, &address.sin6_addr, &text, capacity)
    default:
      throw SystemError(call: "inet_ntop", errno: EAFNOSUPPORT)
    }
    guard converted != nil else { throw SystemError(call: "inet_ntop", errno: errno) }
    let bytes = text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    self.init(host: String(decoding: bytes, as: UTF8.self), port: port)
  }

  /// The address a socket is bound to, from `getsockname`.
  static func local(of descriptor: Int32) throws(SystemError) -> SocketAddress {
    var storage = sockaddr_storage()
    var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
    try SystemCall.run("getsockname") {
      withUnsafeMutablePointer(to: &storage) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          getsockname(descriptor, $0, &length)
        }
      }
    }
    return try SocketAddress(storage: storage)
  }
}
