import Testing

@testable import LearnchatLessons

/// What a walkthrough says besides its lesson text: the peers' lines, which must be the real
/// chat's (the chat's tests expect the same literal lines), and the seeded-run note, which must
/// name what that lesson really draws at random.
@Suite("Console lines and the seeded-run note")
struct LessonConsoleAndBannerTests {
  @Test("lesson 4 prints the lines the real demo-3 chat prints")
  func demo3ChatLines() throws {
    let (run, _) = try WalkthroughRunTests.run(4)
    let fingerprint = try #require(run.reports.first?.values["fingerprint"])
    #expect(
      run.reports.first?.console.map(\.text) == ["[*] Server fingerprint: \(fingerprint)"])
    let keys = try #require(run.reports.first { $0.stage.id == "keys" })
    let client = keys.console.filter { $0.actor == .client }.map(\.text)
    #expect(
      client == [
        "[*] Server identity matches the pinned \(fingerprint)",
        "[*] Handshake complete: keys established for each direction",
        "Ready (encrypted channel)",
      ])
  }

  @Test(
    "the seeded-run note names what each lesson draws, in the terminal and on the page",
    arguments: [
      (1, "this lesson draws nothing at random", "OAEP"),
      (
        2, "the server's RSA key pair, the session key, OAEP's random seed and every nonce",
        "X25519"
      ),
      (3, "the RSA key pairs (the server's and the attacker's)", "X25519"),
      (
        4, "the identity keys (the server's and the attacker's) and every ephemeral X25519 key",
        "OAEP"
      ),
    ])
  func seededNote(lesson: Int, draws: String, absent: String) throws {
    let (run, output) = try WalkthroughRunTests.run(lesson)
    // The note is a block quote, wrapped: its lines start with a bar.
    let note = output.split(separator: "\n").filter { $0.hasPrefix("│ ") }
      .map { $0.dropFirst(2) }.joined(separator: " ")
    #expect(note.hasPrefix("Seeded run"))
    #expect(note.contains(draws))
    #expect(!note.contains(absent))
    let page = HTMLPage.render(run)
    let paragraph = try #require(
      page.split(separator: "\n").first { $0.contains("class=\"seeded\"") })
    #expect(paragraph.contains(draws))
    #expect(!paragraph.contains(absent))
  }
}
