import LearnchatCrypto
import LearnchatWire

/// Demo 3's messages in runs: many sent with one write, many received with no allocation and no
/// lock per message.
extension Demo3.Channel {
  /// Seals every text as the next message in turn and sends them all with one write.
  ///
  /// The frames are sealed in place in one buffer, the key and the message numbers taken once
  /// for the batch; the numbers count on only once the write succeeded.
  public func send(contentsOf texts: [String]) throws {
    let overhead = FrameDecoder.headerSize + AESGCM.tagByteCount
    var frames = [UInt8](repeating: 0, count: texts.reduce(0) { $0 + overhead + $1.utf8.count })
    try sendSequence.withLock { sequence in
      var next = sequence
      try frames.withUnsafeMutableBytes { frames in
        try sealer.withSession { session in
          var offset = 0
          for text in texts {
            var text = text
            let bodyStart = offset + FrameDecoder.headerSize
            let bodyCount = text.utf8.count + AESGCM.tagByteCount
            try FrameEncoder.writeHeader(bodyCount: bodyCount, into: frames[offset...])
            // The length prefix is authenticated: it is the associated data.
            let header = UnsafeRawBufferPointer(rebasing: frames[offset..<bodyStart])
            let body = UnsafeMutableRawBufferPointer(
              rebasing: frames[bodyStart...].prefix(bodyCount))
            try Self.withNonce(sequence: next) { nonce in
              try text.withUTF8 { plaintext in
                try session.seal(
                  UnsafeRawBufferPointer(plaintext), nonce: nonce, associatedData: header,
                  into: body)
              }
            }
            next += 1
            offset = bodyStart + bodyCount
          }
        }
      }
      try framed.connection.writeAll(frames)
      sequence = next
    }
  }

  /// Receives messages until `body` returns false or the peer closes between frames, lending
  /// each to `body`: its plaintext, in a buffer reused for the next message; the whole frame
  /// (length, ciphertext and tag) where it lies in the receive buffer, as it arrived; and its
  /// number.
  ///
  /// For a thread that receives message after message: the numbers, the key and the decoder are
  /// taken once for the whole loop (other receives wait until it ends), and nothing is allocated
  /// per message.
  /// - Returns: true when `body` ended the loop, false when the peer closed.
  /// - Throws: `Demo3.ProtocolError.messageRejected` when a frame does not authenticate as the next
  ///   message; framing errors as the wire layer reports them; what `body` throws.
  public func receiveMessages(
    _ body: (_ plaintext: Span<UInt8>, _ frame: Span<UInt8>, _ sequence: UInt64) throws
      -> Bool
  ) throws -> Bool {
    var plaintext: [UInt8] = []
    return try receiveSequence.withLock { sequence in
      try opener.withSession { session in
        try framed.receiveFrames(includingHeader: true) { frame in
          try Self.open(frame, sequence: sequence, with: session, into: &plaintext)
          let number = sequence
          sequence += 1
          return try body(plaintext.span, frame, number)
        }
      }
    }
  }

  /// Opens `frame` (length prefix first) as message number `sequence`, under the length prefix
  /// it came with: the bytes that arrived are the associated data.
  private static func open(
    _ frame: Span<UInt8>, sequence: UInt64, with session: borrowing AESGCM.OpeningSession,
    into plaintext: inout [UInt8]
  ) throws {
    let header = FrameDecoder.headerSize
    guard frame.count >= header + AESGCM.tagByteCount else {
      throw Demo3.ProtocolError.messageRejected(sequence: sequence)
    }
    do {
      try frame.withUnsafeBytes { frame in
        let tagStart = frame.count - AESGCM.tagByteCount
        try withNonce(sequence: sequence) { nonce in
          try session.open(
            UnsafeRawBufferPointer(rebasing: frame[header..<tagStart]),
            tag: UnsafeRawBufferPointer(rebasing: frame[tagStart...]), nonce: nonce,
            associatedData: UnsafeRawBufferPointer(rebasing: frame[..<header]), into: &plaintext)
        }
      }
    } catch {
      throw Demo3.ProtocolError.messageRejected(sequence: sequence)
    }
  }
}
