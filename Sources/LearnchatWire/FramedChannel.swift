import Synchronization

/// Sends and receives whole frames over a ``TCPConnection``.
///
/// Safe to share between threads: one may receive while another sends. Receives are serialized
/// with each other (they share the decoder), and each send is one ``TCPConnection/writeAll(_:)``,
/// which the connection serializes, so frames from two senders never interleave.
public final class FramedChannel: Sendable {
  /// How much one `recv` asks for while a frame is assembled: 64 KiB.
  public static let readChunkSize = 65_536

  /// The connection the frames travel on.
  public let connection: TCPConnection

  private let encoder: FrameEncoder
  // Sendable: the decoder is only used under this Mutex, which receive() holds across its reads.
  private let decoder: Mutex<FrameDecoder>

  /// Frames `connection`, refusing received bodies over `maximumBodySize` bytes and sent bodies
  /// over `maximumSendBodySize` bytes.
  ///
  /// The two limits are apart because the peer may be the original Python program, which accepts
  /// any length: what we may send is the protocol's business, what we accept is our own.
  public init(
    connection: TCPConnection,
    maximumBodySize: Int = FrameDecoder.defaultMaximumBodySize,
    maximumSendBodySize: Int = FrameEncoder.largestBodySize
  ) {
    self.connection = connection
    self.encoder = FrameEncoder(maximumBodySize: maximumSendBodySize)
    self.decoder = Mutex(FrameDecoder(maximumBodySize: maximumBodySize))
  }

  /// The longest body ``receive()`` accepts.
  public var maximumBodySize: Int { decoder.withLock { $0.maximumBodySize } }

  /// Sends `body` as one frame, header and body in a single write.
  ///
  /// One write, not two: a header written alone goes out as its own segment, and Nagle's
  /// algorithm can then hold the body back until the peer's delayed acknowledgement; one write
  /// also shows on the tap as one record.
  public func send(_ body: some Collection<UInt8>) throws {
    try connection.writeAll(try encoder.encode(body))
  }

  /// Waits for the next frame and returns its body; nil when the peer closed between frames.
  ///
  /// - Throws: `WireError.frameTooLarge` as soon as a too-large header is in, without waiting
  ///   for (or reading) its body; `WireError.truncatedFrame` if the peer closed inside a frame;
  ///   and whatever the connection's reads throw.
  public func receive() throws -> [UInt8]? {
    try decoder.withLock { decoder in
      while true {
        if let frame = try decoder.nextFrame() { return frame }
        let chunk = try connection.read(upTo: Self.readChunkSize)
        if chunk.isEmpty {
          try decoder.finish()
          return nil
        }
        decoder.append(chunk)
      }
    }
  }

  /// Closes the connection.
  public func close() {
    connection.close()
  }
}
