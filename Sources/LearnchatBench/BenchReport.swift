#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The figures of one `learnchat bench` run, as a table or JSON.
public struct BenchReport: Sendable, Codable {
  /// Every figure, in table order.
  public let figures: [BenchFigure]

  /// The figure with `key`.
  public func figure(_ key: String) -> BenchFigure? {
    figures.first { $0.key == key }
  }

  /// How many 64-byte messages can be sealed in the time of one RSA private-key operation.
  public var hybridRatio: Double? {
    guard let unwrap = figure("oaep_unwrap")?.median, let seal = figure("gcm_seal_64")?.median,
      seal > 0
    else { return nil }
    return unwrap / 1e6 * seal
  }

  /// The table for the terminal.
  public func table() -> String {
    let nameWidth = figures.map(\.name.count).max() ?? 0
    var lines = [
      "figure".rightPadded(to: nameWidth)
        + "      median  min … max (\(figures.first?.runs ?? 0) runs)"
    ]
    for figure in figures {
      let name = figure.name.rightPadded(to: nameWidth)
      let median = Self.format(figure.median).leftPadded(to: 12)
      lines.append(
        "\(name)  \(median) \(figure.unit)  "
          + "\(Self.format(figure.minimum)) … \(Self.format(figure.maximum))")
    }
    if let ratio = hybridRatio {
      lines.append("")
      lines.append(
        "Why hybrid: one RSA private-key operation costs as much as sealing "
          + "\(Self.format(ratio)) 64-byte messages with AES-256-GCM.")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The report as JSON, with the hybrid ratio.
  public func json() throws -> String {
    struct Output: Codable {
      let figures: [BenchFigure]
      let hybridRatio: Double?
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let data = try encoder.encode(Output(figures: figures, hybridRatio: hybridRatio))
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  static func format(_ value: Double) -> String {
    switch value {
    case 100...: return String(Int(value.rounded()))
    case 10...: return fixed(value, decimals: 1)
    default: return fixed(value, decimals: 2)
    }
  }

  /// `value` rounded to `decimals` places and written with exactly that many, as `%.2f` would.
  static func fixed(_ value: Double, decimals: Int) -> String {
    var scale = 1
    for _ in 0..<decimals { scale *= 10 }
    let scaled = Int((value.magnitude * Double(scale)).rounded())
    let fraction = String(scaled % scale)
    let sign = value < 0 && scaled != 0 ? "-" : ""
    return "\(sign)\(scaled / scale)."
      + String(repeating: "0", count: decimals - fraction.count) + fraction
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: " ", count: max(0, width - count)) + self
  }

  fileprivate func rightPadded(to width: Int) -> String {
    self + String(repeating: " ", count: max(0, width - count))
  }
}
