import LearnchatCrypto
import LearnchatWire

extension Demo2 {
  /// The fields of demo 2's frames, as offsets into a whole frame (length prefix included).
  public enum FrameLayout {
    /// The server's public-key frame: length, then the PEM text.
    public static func publicKeyFrame(bodyCount: Int) -> [FrameField] {
      body(named: "public key (PEM)", bodyCount: bodyCount)
    }

    /// The client's wrapped-key frame: length, then the RSA-OAEP ciphertext.
    public static func wrappedKeyFrame(bodyCount: Int) -> [FrameField] {
      body(named: "wrapped session key (RSA-OAEP)", bodyCount: bodyCount)
    }

    /// A message frame: length, nonce, ciphertext, tag.
    ///
    /// A body too short to hold a nonce and a tag (a hostile peer's) gets fields cut to what is
    /// there, never a range past its end.
    public static func messageFrame(bodyCount: Int) -> [FrameField] {
      let header = FrameDecoder.headerSize
      let end = header + max(0, bodyCount)
      let nonceEnd = min(end, header + AESGCM.nonceByteCount)
      let tagStart = max(nonceEnd, end - AESGCM.tagByteCount)
      return [
        .lengthPrefix(bodyCount: bodyCount),
        FrameField(name: "nonce", range: header..<nonceEnd),
        FrameField(
          name: "ciphertext", range: nonceEnd..<tagStart,
          note: "\(tagStart - nonceEnd) bytes, as many as the plaintext"),
        FrameField(name: "tag", range: tagStart..<end),
      ]
    }

    private static func body(named name: String, bodyCount: Int) -> [FrameField] {
      let header = FrameDecoder.headerSize
      return [
        .lengthPrefix(bodyCount: bodyCount),
        FrameField(name: name, range: header..<(header + bodyCount), note: "\(bodyCount) bytes"),
      ]
    }
  }
}
