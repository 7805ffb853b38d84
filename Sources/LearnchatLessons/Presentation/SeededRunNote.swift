/// The note a seeded run shows before its first stage, in the terminal and on the HTML page:
/// what the seed fixes in this lesson, as its walkthrough declares it.
enum SeededRunNote {
  /// The note after its `Seeded run (--seed S):` lead, as plain text.
  static func text(for walkthrough: any Walkthrough.Type) -> String {
    var text =
      if let values = walkthrough.seededValues {
        "\(values) come from the seed, so the bytes repeat exactly. For teaching only: "
          + "anyone who knows the seed knows every key."
      } else {
        "this lesson draws nothing at random, so its bytes are the same with or without a seed."
      }
    // Only lessons that print an address show a port; the system picks it anew every run.
    let showsPorts = walkthrough.stages.contains { $0.placeholders.contains("server_address") }
    if showsPorts { text += " Ports are shown as PORT." }
    return text
  }

  /// The note as a block quote, `**Seeded run** (`--seed S`): ...`, built as a tree so that
  /// the seed, whatever its characters, is shown as written.
  static func document(seed: String, for walkthrough: any Walkthrough.Type) -> MarkdownDocument {
    let paragraph = MarkdownBlock.paragraph([
      .strong([.text("Seeded run")]), .text(" ("), .code("--seed \(seed)"),
      .text("): " + text(for: walkthrough)),
    ])
    return MarkdownDocument(blocks: [
      MarkdownBlockNode(block: .blockQuote([paragraph]), startLine: 1, endLine: 1)
    ])
  }
}
