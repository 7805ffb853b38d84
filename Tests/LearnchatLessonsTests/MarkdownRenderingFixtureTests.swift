import Testing

@testable import LearnchatLessons

/// The renderer's whole output for a document using every construct, at two widths, with and
/// without colour, against golden files checked by eye.
@Suite struct MarkdownRenderingFixtureTests {
  @Test(arguments: [(80, false), (40, false), (80, true), (40, true)])
  func rendering(width: Int, colors: Bool) throws {
    let document = MarkdownDocument(parsing: try MarkdownFixtures.read("rendering.md"))
    let output = TerminalMarkdownRenderer(width: width, colors: colors).render(document)
    try MarkdownFixtures.expect(
      output, equalsFixture: "rendering.\(width).\(colors ? "color" : "plain").txt")
  }
}
