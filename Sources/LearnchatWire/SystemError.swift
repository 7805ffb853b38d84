import Glibc

/// A failed system call: the call's name and the `errno` it left.
///
/// The description reads like `connect: Connection refused`, so a command line can print it as
/// one line without knowing what went wrong.
public struct SystemError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The name of the system call that failed, such as `connect` or `recv`.
  public let call: String
  /// The `errno` value the call left.
  public let errno: Int32

  /// Records that `call` failed with `errno`.
  public init(call: String, errno: Int32) {
    self.call = call
    self.errno = errno
  }

  /// The system's text for `errno`, such as `Connection refused`.
  public var message: String {
    // strerror_r (the XSI variant that Glibc exposes to Swift) writes into our own buffer, unlike
    // strerror, whose static buffer another thread may overwrite while we copy it.
    var buffer = [CChar](repeating: 0, count: 256)
    guard strerror_r(errno, &buffer, buffer.count) == 0 else { return "error \(errno)" }
    let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `call: message`, for example `connect: Connection refused`.
  public var description: String { "\(call): \(message)" }
}
