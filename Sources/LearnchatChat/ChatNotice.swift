import LearnchatDemos
import LearnchatWire

/// A line learnchat's server sends to a client it turns away (busy with another chat, too many
/// waiting), before closing: a frame for demos 2 and 3, the bare text for demo 1.
///
/// learnchat's client recognises it wherever the protocol's next unit was due and says so in
/// plain words; the original Python client just sees the connection closed.
public enum ChatNotice {
  /// Every notice starts with this, so a client can tell one from a protocol unit: no PEM key,
  /// hello or sealed body starts with these ASCII bytes.
  public static let marker = "learnchat server: "

  /// The server is in another chat.
  public static let busy = marker + "busy with another chat; try again later"
  /// Too many connections are waiting for their handshakes.
  public static let full = marker + "too many connections are waiting; try again later"

  /// The bytes that carry `text` in `demo`.
  static func bytes(_ text: String, demo: ChatDemo) -> [UInt8] {
    let body = Array((text + "\n").utf8)
    guard demo.isFramed, let frame = try? FrameEncoder.encode(body) else { return body }
    return frame
  }

  /// The notice in `body` (a frame body, or demo 1's raw bytes), if it is one.
  public static func text(in body: [UInt8]) -> String? {
    let marker = Array(Self.marker.utf8)
    guard body.count <= 512, body.starts(with: marker),
      let text = String(validating: body, as: UTF8.self)
    else { return nil }
    let line = text.trimmingCharacters(in: ["\n"])
    return line.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F })
      ? line : nil
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
    var text = Substring(self)
    while let last = text.last, set.contains(last) { text = text.dropLast() }
    return String(text)
  }
}
