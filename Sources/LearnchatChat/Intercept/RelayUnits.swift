import LearnchatDemos
import LearnchatWire

/// Names and field layouts for what passes through the relay.
enum RelayUnits {
  /// The handshake unit each demo sends first in `direction`.
  static func handshakeName(demo: ChatDemo, direction: RelayDirection) -> String {
    switch (demo, direction) {
    case (.demo2, .serverToClient): return "public-key frame"
    case (.demo2, .clientToServer): return "wrapped-key frame"
    case (.demo3, .clientToServer): return "ClientHello frame"
    case (.demo3, .serverToClient): return "ServerHello frame"
    default: return "first unit"
    }
  }

  /// `client message N` (numbered from 0, as demo 3 numbers them), or `message frame`.
  static func messageName(demo: ChatDemo, number: Int?) -> String {
    let noun = demo == .demo1 ? "read" : "message frame"
    guard let number else { return noun }
    return demo == .demo1 ? "client read \(number)" : "client message \(number)"
  }

  /// The fields of `unit` as a demo's frame: prefix, then what the body holds; none for demo
  /// 1's raw reads, whose bytes are simply the text.
  static func fields(_ unit: [UInt8], demo: ChatDemo) -> [FrameField] {
    guard demo.isFramed, unit.count >= FrameDecoder.headerSize else { return [] }
    let bodyCount = unit.count - FrameDecoder.headerSize
    let declared = unit.prefix(4).reduce(0) { $0 << 8 | Int($1) }
    // A forged or oversized prefix: only the prefix is labelled.
    guard declared == bodyCount else {
      return [FrameField.lengthPrefix(bodyCount: declared)]
    }
    let body = unit.dropFirst(FrameDecoder.headerSize)
    if demo == .demo2 {
      if body.starts(with: Array("-----BEGIN PUBLIC KEY-----".utf8)) {
        return Demo2.FrameLayout.publicKeyFrame(bodyCount: bodyCount)
      }
      if bodyCount == 256 { return Demo2.FrameLayout.wrappedKeyFrame(bodyCount: bodyCount) }
      return Demo2.FrameLayout.messageFrame(bodyCount: bodyCount)
    }
    switch bodyCount {
    case 32: return Demo3.FrameLayout.clientHelloFrame(bodyCount: bodyCount)
    case 128: return Demo3.FrameLayout.serverHelloFrame(bodyCount: bodyCount)
    default: return Demo3.FrameLayout.messageFrame(bodyCount: bodyCount)
    }
  }
}
