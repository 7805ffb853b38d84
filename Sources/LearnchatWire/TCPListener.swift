import Glibc

/// A listening TCP socket that hands out one ``TCPConnection`` per accepted peer.
///
/// Safe to share between threads; ``close()`` from another thread wakes a blocked ``accept(tap:)``,
/// which then throws `WireError.socketClosed`.
public final class TCPListener: Sendable {
  /// The address actually bound, read back from the kernel (so port 0 becomes the real port).
  public let localAddress: SocketAddress

  private let descriptor: SocketDescriptor

  /// The port actually bound; never 0.
  public var port: UInt16 { localAddress.port }

  /// Binds and listens on `host` and `port`.
  ///
  /// `host` may be a wildcard (`0.0.0.0`, `::`), a numeric address or a name such as `localhost`;
  /// the first address the resolver gives that binds is used. Port 0 asks the system for a free
  /// port. `SO_REUSEADDR` is set so a server can be restarted at once on the same port, as the
  /// original Python server does.
  /// - Throws: `WireError.addressResolution`, or the `SystemError` of the last address tried.
  public init(host: String, port: UInt16, backlog: Int32 = 16) throws {
    var lastError: any Error = WireError.addressResolution(host: host, message: "no addresses")
    for address in try ResolvedAddress.resolve(host: host, port: port, passive: true) {
      do {
        let descriptor = try SocketOption.makeTCPSocket(
          family: address.family, protocolNumber: address.protocolNumber)
        self.localAddress = try descriptor.withDescriptor("listen") { descriptor in
          try SocketOption.set(
            descriptor, level: SOL_SOCKET, name: SO_REUSEADDR, value: Int32(1))
          try SystemCall.run("bind") { address.withSockaddr { bind(descriptor, $0, $1) } }
          try SystemCall.run("listen") { listen(descriptor, backlog) }
          return try SocketAddress.local(of: descriptor)
        }
        self.descriptor = descriptor
        return
      } catch {
        lastError = error
      }
    }
    throw lastError
  }

  /// Waits for the next peer and returns its connection, tapped by `tap` from the first byte.
  public func accept(tap: WireTap? = nil) throws -> TCPConnection {
    var storage = sockaddr_storage()
    let accepted = try descriptor.withDescriptor("accept") { descriptor in
      var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
      return try SystemCall.run("accept") {
        withUnsafeMutablePointer(to: &storage) {
          $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            Glibc.accept(descriptor, $0, &length)
          }
        }
      }
    }
    // Owned from here on, so a failure below still closes it.
    let connection = SocketDescriptor(accepted)
    // Glibc does not show accept4 to Swift, so close-on-exec (which our own sockets get at
    // creation) takes a second call here; a child process must not keep the peer's connection.
    try connection.withDescriptor("fcntl") { descriptor in
      try SystemCall.run("fcntl") { fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
    }
    return try TCPConnection(
      descriptor: connection, remoteAddress: try SocketAddress(storage: storage), tap: tap)
  }

  /// Stops listening; calling it again does nothing, and `deinit` closes if needed.
  public func close() {
    descriptor.close()
  }
}
