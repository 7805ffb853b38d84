import Glibc
import Synchronization

/// One end of a connected TCP stream, with blocking calls.
///
/// Safe to share between threads: a chat reads on one thread while it writes on another. Reads
/// are serialized with each other and writes with each other, so a ``readExactly(_:)`` or
/// ``writeAll(_:)`` is never interleaved with another of its kind. ``close()`` from any thread
/// wakes a blocked read, which then sees end of stream.
public final class TCPConnection: Sendable {
  /// Which half of the stream ``shutdown(_:)`` ends.
  public enum ShutdownDirection: Sendable {
    /// No more reading; data that arrives later is discarded.
    case read
    /// No more writing; the peer reads end of stream once it has read everything sent.
    case write
    /// Both.
    case both
  }

  /// The address this end is bound to.
  public let localAddress: SocketAddress
  /// The address of the peer.
  public let remoteAddress: SocketAddress

  private let descriptor: SocketDescriptor
  // The two locks are held across blocking calls on purpose: they serialize readers (and
  // writers) only; the descriptor's own lock, which close() needs, is never held that long.
  private let readLock = Mutex(())
  private let writeLock = Mutex(())
  private let tapStorage: Mutex<WireTap?>

  init(descriptor: SocketDescriptor, remoteAddress: SocketAddress, tap: WireTap? = nil) throws {
    self.descriptor = descriptor
    self.remoteAddress = remoteAddress
    self.localAddress = try descriptor.withDescriptor("getsockname") {
      try SocketAddress.local(of: $0)
    }
    self.tapStorage = Mutex(tap)
    tap?.recordOpened()
  }

  /// Connects to `host` (a name or a numeric address) on `port`.
  ///
  /// Tries each address the resolver gives, in order, until one accepts.
  /// - Throws: `WireError.addressResolution` if `host` does not resolve; otherwise the error of
  ///   the last address tried, such as `SystemError` `connect: Connection refused`.
  public static func connect(host: String, port: UInt16, tap: WireTap? = nil) throws
    -> TCPConnection
  {
    var lastError: any Error = WireError.addressResolution(host: host, message: "no addresses")
    for address in try ResolvedAddress.resolve(host: host, port: port, passive: false) {
      do {
        let descriptor = try SocketOption.makeTCPSocket(
          family: address.family, protocolNumber: address.protocolNumber)
        try descriptor.withDescriptor("connect") { try connect($0, to: address) }
        return try TCPConnection(
          descriptor: descriptor, remoteAddress: try SocketAddress(storage: address.storage),
          tap: tap)
      } catch {
        // The failed socket is closed when its descriptor object goes out of scope.
        lastError = error
      }
    }
    throw lastError
  }

  private static func connect(_ descriptor: Int32, to address: ResolvedAddress) throws {
    do throws(SystemError) {
      try SystemCall.run("connect") { address.withSockaddr { Glibc.connect(descriptor, $0, $1) } }
    } catch {
      // After an interrupted connect the handshake goes on in the background, and SystemCall's
      // retry reports that instead of success: EISCONN (it finished) or EALREADY (not yet).
      switch error.errno {
      case EISCONN: return
      case EALREADY: try awaitInterruptedConnect(descriptor)
      default: throw error
      }
    }
  }

  private static func awaitInterruptedConnect(_ descriptor: Int32) throws(SystemError) {
    var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
    try SystemCall.run("poll") { poll(&poller, 1, -1) }
    var pending: Int32 = 0
    var length = socklen_t(MemoryLayout<Int32>.size)
    try SystemCall.run("getsockopt") {
      getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &pending, &length)
    }
    if pending != 0 { throw SystemError(call: "connect", errno: pending) }
  }

  /// The tap that records this connection's traffic from now on, if any.
  ///
  /// A capture file needs one tap per connection: the tap also notes when its connection
  /// opened (now, for a tap set here) and closed.
  public var tap: WireTap? {
    get { tapStorage.withLock { $0 } }
    set {
      tapStorage.withLock { $0 = newValue }
      newValue?.recordOpened()
    }
  }

  /// True once ``close()`` has been called.
  public var isClosed: Bool { descriptor.isClosed }

  /// Reads whatever has arrived, at most `maxCount` bytes, waiting until something has.
  ///
  /// - Returns: one `recv`'s bytes; an empty array means the peer closed its side.
  /// - Throws: `WireError.timedOut` after the read timeout, `SystemError` for `recv` failures.
  public func read(upTo maxCount: Int) throws -> [UInt8] {
    precondition(maxCount > 0, "read(upTo:) needs room for at least one byte")
    return try readLock.withLock { _ in
      try [UInt8](unsafeUninitializedCapacity: maxCount) { buffer, initialized in
        initialized = try receive(into: UnsafeMutableRawBufferPointer(buffer))
      }
    }
  }

  /// Reads whatever has arrived into `buffer`, at most its size, waiting until something has.
  ///
  /// For a reader that keeps its own buffer: no array is made (except the tap's copy, if any).
  /// - Returns: how many bytes one `recv` put at the start of `buffer`; 0 means the peer closed
  ///   its side.
  /// - Throws: as ``read(upTo:)`` does.
  public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    precondition(buffer.count > 0, "read(into:) needs room for at least one byte")
    return try readLock.withLock { _ in try receive(into: buffer) }
  }

  /// Reads exactly `count` bytes, with as many `recv` calls as that takes.
  ///
  /// The caller chooses `count`, so it must bound it first when it comes from a peer.
  /// - Throws: `WireError.connectionClosed(afterReceiving:of:)` if the peer closes first.
  public func readExactly(_ count: Int) throws -> [UInt8] {
    precondition(count >= 0, "readExactly needs a count of zero or more")
    return try readLock.withLock { _ in
      try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
        while initialized < count {
          let rest = UnsafeMutableBufferPointer(rebasing: buffer[initialized...])
          let received = try receive(into: UnsafeMutableRawBufferPointer(rest))
          if received == 0 {
            throw WireError.connectionClosed(afterReceiving: initialized, of: count)
          }
          initialized += received
        }
      }
    }
  }

  /// Writes every byte, repeating `send` after partial writes.
  ///
  /// Uses `MSG_NOSIGNAL`, so writing to a peer that has gone throws `SystemError` (`EPIPE` or
  /// `ECONNRESET`) instead of killing the process with `SIGPIPE`.
  public func writeAll(_ bytes: some Collection<UInt8>) throws {
    let written: Void? = try bytes.withContiguousStorageIfAvailable {
      try writeAll(buffer: UnsafeRawBufferPointer($0))
    }
    if written == nil {
      try Array(bytes).withUnsafeBytes { try writeAll(buffer: $0) }
    }
  }

  /// Ends reading, writing or both, while keeping the descriptor open.
  public func shutdown(_ how: ShutdownDirection) throws {
    let value: Int32
    switch how {
    case .read: value = Int32(SHUT_RD)
    case .write: value = Int32(SHUT_WR)
    case .both: value = Int32(SHUT_RDWR)
    }
    try descriptor.withDescriptor("shutdown") { descriptor in
      try SystemCall.run("shutdown") { Glibc.shutdown(descriptor, value) }
    }
    // Ending the writing half sends this end's FIN, as close() does.
    if how != .read { tap?.recordClosed() }
  }

  /// Closes the connection; calling it again does nothing, and `deinit` calls it if needed.
  public func close() {
    // This end's FIN, for a capture file; only the first close sends one.
    if !descriptor.isClosed { tap?.recordClosed() }
    descriptor.close()
  }

  /// Makes each later read wait until at least `count` bytes have arrived (`SO_RCVLOWAT`),
  /// unless the stream ends or the read timeout passes first; 1 is the usual behaviour.
  public func setReceiveLowWatermark(_ count: Int) throws {
    precondition(count > 0, "a read waits for at least one byte")
    try descriptor.withDescriptor("setsockopt") {
      try SocketOption.set($0, level: SOL_SOCKET, name: SO_RCVLOWAT, value: Int32(count))
    }
  }

  /// Makes each later read give up with `WireError.timedOut` after `seconds`; nil waits forever.
  public func setReadTimeout(_ seconds: Double?) throws {
    var timeout = timeval(tv_sec: 0, tv_usec: 0)
    if let seconds {
      precondition(seconds > 0 && seconds.isFinite, "a read timeout must be positive")
      let whole = seconds.rounded(.down)
      timeout.tv_sec = Int(whole)
      timeout.tv_usec = Int(((seconds - whole) * 1_000_000).rounded())
      // A zero timeval would mean "no timeout", the opposite of a tiny one.
      if timeout.tv_sec == 0 && timeout.tv_usec == 0 { timeout.tv_usec = 1 }
    }
    try descriptor.withDescriptor("setsockopt") {
      try SocketOption.set($0, level: SOL_SOCKET, name: SO_RCVTIMEO, value: timeout)
    }
  }

  /// One `recv` into `buffer`, recorded on the tap; returns the count, 0 at end of stream.
  private func receive(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    let count = try descriptor.withDescriptor("read") { descriptor in
      do throws(SystemError) {
        return try SystemCall.run("recv") {
          Glibc.recv(descriptor, buffer.baseAddress, buffer.count, 0)
        }
      } catch {
        // SO_RCVTIMEO expiring shows up as EAGAIN (EWOULDBLOCK is the same value on Linux).
        if error.errno == EAGAIN || error.errno == EWOULDBLOCK {
          throw WireError.timedOut(operation: "read")
        }
        throw error
      }
    }
    if let tap {
      if count > 0 {
        tap.record(.received, Array(UnsafeRawBufferPointer(rebasing: buffer[..<count])))
      } else if !descriptor.isClosed {
        // A read woken by our own close() also returns 0; only a still-open socket's end of
        // stream is the peer's FIN.
        tap.recordEndOfStream()
      }
    }
    return count
  }

  private func writeAll(buffer: UnsafeRawBufferPointer) throws {
    try writeLock.withLock { _ in
      var offset = 0
      while offset < buffer.count {
        let rest = UnsafeRawBufferPointer(rebasing: buffer[offset...])
        let sent = try descriptor.withDescriptor("write") { descriptor in
          try SystemCall.run("send") {
            Glibc.send(descriptor, rest.baseAddress, rest.count, Int32(MSG_NOSIGNAL))
          }
        }
        tap?.record(.sent, Array(rest.prefix(sent)))
        offset += sent
      }
    }
  }
}
