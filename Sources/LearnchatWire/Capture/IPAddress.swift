import Glibc

/// An IPv4 or IPv6 address as the 4 or 16 bytes that go into a packet's header.
public struct IPAddress: Hashable, Sendable, CustomStringConvertible {
  /// The address in network order: 4 bytes for IPv4, 16 for IPv6.
  public let bytes: [UInt8]

  /// The address held in `bytes`; nil unless there are exactly 4 or 16 of them.
  public init?(bytes: [UInt8]) {
    guard bytes.count == 4 || bytes.count == 16 else { return nil }
    self.bytes = bytes
  }

  /// Parses a numeric address, `127.0.0.1` or `::1`, as ``SocketAddress/host`` holds it.
  ///
  /// - Returns: nil for anything else, such as a host name or an IPv6 address with a `%zone`.
  public init?(_ text: String) {
    var buffer = [UInt8](repeating: 0, count: 16)
    if inet_pton(AF_INET, text, &buffer) == 1 {
      bytes = Array(buffer.prefix(4))
    } else if inet_pton(AF_INET6, text, &buffer) == 1 {
      bytes = buffer
    } else {
      return nil
    }
  }

  /// True for a 16-byte address.
  public var isIPv6: Bool { bytes.count == 16 }

  /// The same address as IPv6: an IPv4 address becomes `::ffff:a.b.c.d`, as a dual-stack socket
  /// reports it; an IPv6 address is returned unchanged.
  public var asIPv6: IPAddress {
    isIPv6 ? self : IPAddress(bytes: Array(repeating: 0, count: 10) + [0xFF, 0xFF] + bytes)!
  }

  /// The usual text form, from `inet_ntop`.
  public var description: String {
    var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
    let family = isIPv6 ? AF_INET6 : AF_INET
    guard inet_ntop(family, bytes, &text, socklen_t(text.count)) != nil else {
      return bytes.map(String.init).joined(separator: ".")
    }
    return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
