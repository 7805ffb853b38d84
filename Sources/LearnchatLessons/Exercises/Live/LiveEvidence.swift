import LearnchatWire

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The evidence a live check prints: what each victim printed, and which frames the server
/// accepted.
enum LiveEvidence {
  /// The lines of evidence for `record`, with `hidden` (a secret the learner must find)
  /// replaced by dots wherever it appears.
  static func lines(_ record: LiveRecord, options: LiveOptions, hiding hidden: String? = nil)
    -> [String]
  {
    var lines = ["learnchat's server, on \(options.host):\(options.serverPort), printed:"]
    lines += indented(record.serverLines)
    lines.append(
      "learnchat's client, through your program on \(options.host):\(options.proxyPort), printed:"
    )
    lines += indented(record.clientLines)
    if !record.serverReads.isEmpty {
      lines.append("What each of the server's reads gave after the handshake:")
      var bodies: [[UInt8]] = []
      for (index, entry) in record.serverReads.enumerated() {
        var line = "  \(index + 1). "
        switch entry.read {
        case .shown(let text): line += "accepted, \"\(text)\""
        case .refused: line += "refused: it did not decrypt"
        case .ended: line += "the connection broke: \(entry.read.failure ?? "")"
        case .closed: line += "none: the connection closed"
        }
        if let body = entry.body {
          if let copy = bodies.firstIndex(of: body) {
            line += " (byte for byte the frame of read \(copy + 1) again)"
          }
          bodies.append(body)
        } else {
          bodies.append([])
        }
        lines.append(line)
      }
    }
    guard let hidden, !hidden.isEmpty else { return lines }
    let dots = String(repeating: "•", count: hidden.count)
    return lines.map { $0.replacing(hidden, with: dots) }
  }

  private static func indented(_ lines: [String]) -> [String] {
    lines.isEmpty ? ["  (nothing)"] : lines.map { "  " + $0 }
  }
}
