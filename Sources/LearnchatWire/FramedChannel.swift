import Synchronization

/// Sends and receives whole frames over a ``TCPConnection``.
///
/// Safe to share between threads: one may receive while others send. Receives are serialized
/// with each other (they share the decoder and its buffer), and each send is one
/// ``TCPConnection/writeAll(_:)``, which the connection serializes, so frames from two senders
/// never interleave.
///
/// Received bytes go straight from `recv` into the decoder's buffer, which is reused, and
/// ``receiveFrames(_:)`` lends each body where it lies: a thread that receives message after
/// message allocates nothing and takes no lock per frame.
public final class FramedChannel: Sendable {
  /// How much one `recv` asks for at least: 64 KiB.
  public static let readChunkSize = FrameDecoder.minimumReadRoom

  /// The connection the frames travel on.
  public let connection: TCPConnection

  /// The longest body a receive accepts.
  public let maximumBodySize: Int

  private let encoder: FrameEncoder
  // Sendable: the decoder is only used under this Mutex, the one thing receivers share. A
  // receive holds it across its reads; receiveFrames(_:) holds it for its whole loop, so the one
  // thread that receives takes it once, not once per frame, and another receiving thread waits.
  // Senders never touch it.
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
    self.maximumBodySize = maximumBodySize
    self.encoder = FrameEncoder(maximumBodySize: maximumSendBodySize)
    self.decoder = Mutex(FrameDecoder(maximumBodySize: maximumBodySize))
  }

  /// Sends `body` as one frame, header and body in a single write; returns the frame, the very
  /// bytes written, so that what is shown of it is what was sent.
  ///
  /// One write, not two: a header written alone goes out as its own segment, and Nagle's
  /// algorithm can then hold the body back until the peer's delayed acknowledgement; one write
  /// also shows on the tap as one record.
  @discardableResult
  public func send(_ body: some Collection<UInt8>) throws -> [UInt8] {
    let frame = try encoder.encode(body)
    try connection.writeAll(frame)
    return frame
  }

  /// Waits for the next frame and returns it whole, length prefix first, exactly as it arrived;
  /// nil when the peer closed between frames. Throws as ``receive()`` does.
  public func receiveFrame() throws -> [UInt8]? {
    try receive(includingHeader: true) { frame in frame.withUnsafeBufferPointer { Array($0) } }
  }

  /// Waits for the next frame and returns its body; nil when the peer closed between frames.
  ///
  /// - Throws: `WireError.frameTooLarge` as soon as a too-large header is in, without waiting
  ///   for (or reading) its body; `WireError.truncatedFrame` if the peer closed inside a frame;
  ///   and whatever the connection's reads throw.
  public func receive() throws -> [UInt8]? {
    try receive { body in body.withUnsafeBufferPointer { Array($0) } }
  }

  /// Waits for the next frame and lends its body to `body` where it lies in the receive buffer,
  /// without copying it; nil when the peer closed between frames. The span is valid only during
  /// the call.
  ///
  /// - Throws: as ``receive()`` does, and what `body` throws (the frame counts as taken).
  public func receive<Result: Sendable>(
    includingHeader: Bool = false, _ body: (Span<UInt8>) throws -> Result
  ) throws -> Result? {
    try decoder.withLock { decoder in
      try Self.nextFrame(&decoder, from: connection, includingHeader: includingHeader, body)
    }
  }

  /// Receives frames one after another, lending each body to `body` as ``receive(_:)`` does,
  /// until `body` returns false or the peer closes between frames.
  ///
  /// The decoder is taken once for the whole loop: other receivers wait until it ends.
  /// - Returns: true when `body` ended the loop, false when the peer closed.
  /// - Throws: as ``receive()`` does, and what `body` throws; the loop ends there.
  public func receiveFrames(
    includingHeader: Bool = false, _ body: (Span<UInt8>) throws -> Bool
  ) throws -> Bool {
    try decoder.withLock { decoder in
      while let wantsMore = try Self.nextFrame(
        &decoder, from: connection, includingHeader: includingHeader, body)
      {
        if !wantsMore { return true }
      }
      return false
    }
  }

  /// Takes the next frame, reading into the decoder's buffer until one is complete; nil at a
  /// clean end of stream.
  private static func nextFrame<Result>(
    _ decoder: inout FrameDecoder, from connection: TCPConnection, includingHeader: Bool,
    _ body: (Span<UInt8>) throws -> Result
  ) throws -> Result? {
    while true {
      if let result = try decoder.nextFrame(includingHeader: includingHeader, body) {
        return result
      }
      if try decoder.read({ try connection.read(into: $0) }) == 0 {
        try decoder.finish()
        return nil
      }
    }
  }

  /// Closes the connection.
  public func close() {
    connection.close()
  }
}
