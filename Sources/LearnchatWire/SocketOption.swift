import Glibc

/// Setting socket options, so callers do not repeat the pointer and size dance.
enum SocketOption {
  /// Sets a `setsockopt` option whose value is a plain C value such as `Int32` or `timeval`.
  static func set<Value: BitwiseCopyable>(
    _ descriptor: Int32, level: Int32, name: Int32, value: Value, callName: String = "setsockopt"
  ) throws(SystemError) {
    _ = try withUnsafeBytes(of: value) { bytes throws(SystemError) in
      try SystemCall.run(callName) {
        setsockopt(descriptor, level, name, bytes.baseAddress, socklen_t(bytes.count))
      }
    }
  }

  /// Creates a TCP socket for `family` that is not inherited by child processes.
  static func makeTCPSocket(family: Int32, protocolNumber: Int32) throws(SystemError)
    -> SocketDescriptor
  {
    let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
    return SocketDescriptor(try SystemCall.run("socket") { socket(family, type, protocolNumber) })
  }
}
