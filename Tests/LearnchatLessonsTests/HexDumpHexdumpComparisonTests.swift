import Foundation
import LearnchatTestSupport
import Testing

@testable import LearnchatLessons

/// Our rows, with colour off and no fields, against the real `hexdump -C -v`.
///
/// `-v` because we never squeeze repeated rows into `*`. hexdump's last line holds only the total
/// length; we do not print one, so it is dropped before comparing. Where `hexdump` is missing
/// (package bsdextrautils on Debian), its output checked in under `Fixtures/hexdump` stands in.
@Suite struct HexDumpHexdumpComparisonTests {
  static let hexdumpPath = "/usr/bin/hexdump"

  /// Named inputs: lengths around the row size, every byte value, and repeated rows.
  static let inputs: [(name: String, bytes: [UInt8])] = [
    ("0-bytes", []),
    ("1-byte", [0x41]),
    ("15-bytes", mixed(15)),
    ("16-bytes", mixed(16)),
    ("17-bytes", mixed(17)),
    ("33-bytes", mixed(33)),
    ("all-256-values", (0...255).map { UInt8($0) }),
    ("48-zero-bytes", [UInt8](repeating: 0, count: 48)),
    ("html-and-escapes", Array("<a href=\"x\">&amp;</a>\u{1B}[31m\r\n\t~\u{7F}".utf8)),
  ]

  /// Printable and unprintable bytes mixed, the same every run.
  static func mixed(_ count: Int) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
  }

  @Test(arguments: inputs.map(\.name))
  func rowsMatchHexdump(name: String) throws {
    let bytes = try #require(Self.inputs.first { $0.name == name }).bytes
    let expected = try expectedRows(name: name, bytes: bytes)
    let ours = HexDumpRenderer(colors: false, width: 80, full: true).render(HexDump(bytes: bytes))
    #expect((ours.isEmpty ? "" : ours + "\n") == expected)
  }

  /// hexdump's rows for `bytes`: from the tool when installed (keeping the checked-in copy in
  /// step with it), else from the checked-in copy.
  private func expectedRows(name: String, bytes: [UInt8]) throws -> String {
    let fixture = "hexdump-C-\(name).txt"
    guard FileManager.default.isExecutableFile(atPath: Self.hexdumpPath) else {
      return try #require(HexDumpFixtures.read(fixture), "no hexdump and no \(fixture)")
    }
    let real = try runHexdump(bytes)
    var lines = real.split(separator: "\n", omittingEmptySubsequences: false)
    // Drop the empty string after the last newline, then the offset-only total line.
    if lines.last == "" { lines.removeLast() }
    if let last = lines.last, last.count == 8, !last.contains(" ") { lines.removeLast() }
    let rows = lines.map { $0 + "\n" }.joined()
    try HexDumpFixtures.expectMatches(rows, fixture: fixture)
    return rows
  }

  private func runHexdump(_ bytes: [UInt8]) throws -> String {
    let run = try CapturedProcess.run(
      URL(fileURLWithPath: Self.hexdumpPath), ["-C", "-v"], input: Data(bytes))
    #expect(run.status == 0)
    return run.outputText
  }
}
