import Testing

@testable import LearnchatLessons

/// The renderer's whole output for a document using every construct, at several widths, with
/// and without colour, in each theme, against golden files checked by eye.
@Suite struct MarkdownRenderingFixtureTests {
  @Test(arguments: [
    (80, false, Theme.dark), (40, false, .dark), (20, false, .dark), (80, true, .dark),
    (40, true, .dark), (80, true, .light), (80, true, .highContrast),
  ])
  func rendering(width: Int, colors: Bool, theme: Theme) throws {
    let document = MarkdownDocument(parsing: try MarkdownFixtures.read("rendering.md"))
    let output = TerminalMarkdownRenderer(width: width, colors: colors, theme: theme)
      .render(document)
    // The dark theme is the default: its files keep their names from before themes.
    let style = !colors ? "plain" : theme == .dark ? "color" : theme.rawValue
    try MarkdownFixtures.expect(output, equalsFixture: "rendering.\(width).\(style).txt")
  }
}
