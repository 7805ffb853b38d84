/// Lays out a list: a marker before each item, the item's lines aligned under its text.
struct MarkdownListLayout {
  let blocks: MarkdownBlockLayout

  /// Bullets change with depth, so that a nested list is told apart without colour.
  private static let bullets = ["\u{2022}", "\u{25E6}", "\u{25AA}"]

  func lines(_ list: MarkdownList, width: Int, depth: Int) -> [String] {
    let markers = markers(for: list, depth: depth)
    let markerWidth = (markers.map { DisplayColumns.of($0) }.max() ?? 0) + 1
    // Too deep to indent any further: each marker goes on a line of its own, above its item's
    // lines at the list's own width.
    let indented = width - markerWidth >= MarkdownBlockLayout.narrowestContent
    let contentWidth = indented ? width - markerWidth : width
    let indent = String(repeating: " ", count: indented ? markerWidth : 0)
    var output: [String] = []
    for (item, marker) in zip(list.items, markers) {
      if !output.isEmpty && !list.tight {
        output.append("")
      }
      let itemLines = blocks.lines(
        item, width: contentWidth, tight: list.tight, listDepth: depth + 1)
      let paddedMarker = marker + String(repeating: " ", count: markerWidth - marker.count)
      guard indented else {
        output += fitted(marker, width: width) + itemLines
        continue
      }
      guard let first = itemLines.first else {
        output.append(marker)
        continue
      }
      output.append(first.isEmpty ? marker : paddedMarker + first)
      output += itemLines.dropFirst().map { $0.isEmpty ? "" : indent + $0 }
    }
    return output
  }

  /// One marker per item: a bullet, or the item's number right-aligned to the widest one.
  private func markers(for list: MarkdownList, depth: Int) -> [String] {
    guard list.ordered else {
      let bullet = Self.bullets[min(depth, Self.bullets.count - 1)]
      return Array(repeating: bullet, count: list.items.count)
    }
    let numbers = list.items.indices.map { String(list.start + $0) + "." }
    let widest = numbers.map(\.count).max() ?? 0
    return numbers.map { String(repeating: " ", count: widest - $0.count) + $0 }
  }

  /// A marker on lines of its own, cut when even it is wider than the width; without the
  /// spaces that align numbers, which mean nothing on a line of their own.
  private func fitted(_ marker: String, width: Int) -> [String] {
    let trimmed = marker.drop { $0 == " " }
    return MarkdownWordBreaker.pieces(
      [MarkdownSpan(text: String(trimmed), style: .plain)], firstWidth: width, width: width
    ).map { $0.map(\.text).joined() }.filter { !$0.isEmpty }
  }
}
