import LearnchatWire

extension Demo1 {
  /// Demo 1's peer: messages are raw UTF-8 bytes on the stream, with no framing at all.
  ///
  /// The receiver treats whatever one read returns as one message, exactly as the original's
  /// `recv(4096)` does; that is the flaw lesson 1 shows and demo 2's frames fix.
  public struct Peer: Sendable {
    /// The original's read size.
    public static let readSize = 4096

    /// The connection the peer talks over.
    public let connection: TCPConnection

    /// A peer talking over `connection`.
    public init(connection: TCPConnection) {
      self.connection = connection
    }

    /// Sends `text` as its UTF-8 bytes and returns them.
    @discardableResult
    public func send(_ text: String) throws -> [UInt8] {
      let bytes = Array(text.utf8)
      try connection.writeAll(bytes)
      return bytes
    }

    /// One read of up to 4096 bytes: the next "message", or nil when the peer has closed.
    public func receive() throws -> [UInt8]? {
      let bytes = try connection.read(upTo: Self.readSize)
      return bytes.isEmpty ? nil : bytes
    }
  }
}
