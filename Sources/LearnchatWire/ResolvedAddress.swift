import Glibc

/// One address `getaddrinfo` gave for a host, copied out of its linked list.
struct ResolvedAddress {
  /// `AF_INET` or `AF_INET6`.
  var family: Int32
  /// The protocol number to pass to `socket`.
  var protocolNumber: Int32
  /// The `sockaddr` itself, in storage big enough for either family.
  var storage: sockaddr_storage
  /// How many bytes of `storage` the address uses.
  var length: socklen_t

  /// Resolves `host` to TCP addresses for `port`, in the resolver's order of preference.
  ///
  /// - Parameter passive: set for a listener, so that the addresses are suitable for `bind`.
  /// - Throws: `WireError.addressResolution` naming the host and the resolver's text.
  static func resolve(host: String, port: UInt16, passive: Bool) throws(WireError)
    -> [ResolvedAddress]
  {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    // The port is always a number, so the resolver never needs to look up a service name.
    hints.ai_flags = AI_NUMERICSERV | (passive ? AI_PASSIVE : 0)
    var list: UnsafeMutablePointer<addrinfo>?
    let status = getaddrinfo(host, String(port), &hints, &list)
    guard status == 0 else {
      // EAI_SYSTEM means the real reason is in errno, which gai_strerror does not see.
      let message =
        status == EAI_SYSTEM
        ? SystemError(call: "getaddrinfo", errno: errno).message
        : gai_strerror(status).map { String(cString: $0) } ?? "error \(status)"
      throw .addressResolution(host: host, message: message)
    }
    defer { freeaddrinfo(list) }

    var addresses: [ResolvedAddress] = []
    var node = list
    while let entry = node?.pointee {
      node = entry.ai_next
      guard let source = entry.ai_addr,
        entry.ai_addrlen <= socklen_t(MemoryLayout<sockaddr_storage>.size)
      else { continue }
      var storage = sockaddr_storage()
      withUnsafeMutableBytes(of: &storage) { target in
        target.copyMemory(from: UnsafeRawBufferPointer(start: source, count: Int(entry.ai_addrlen)))
      }
      addresses.append(
        ResolvedAddress(
          family: entry.ai_family, protocolNumber: entry.ai_protocol, storage: storage,
          length: entry.ai_addrlen))
    }
    guard !addresses.isEmpty else {
      throw .addressResolution(host: host, message: "no TCP addresses")
    }
    return addresses
  }

  /// Calls `body` with the address as the `sockaddr` pointer that `bind` and `connect` take.
  func withSockaddr<Result>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
    withUnsafePointer(to: storage) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, length) }
    }
  }
}
