import Foundation
import LearnchatCrypto
import Testing

@testable import LearnchatLessons

/// The page around the dumps: escaping of everything from the run, stage numbers, the stage
/// list, the footer and the content security policy. The browser's side (keys, layout, print)
/// is checked by `Tests/LearnchatCLITests/Browser/html_page_test.py`.
@Suite struct HTMLPageTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/lessons")

  /// Fixture lesson 2, its title replaced by `title`.
  static func lesson(title: String = "Lesson 2: test") throws -> Lesson {
    let source = try String(
      contentsOf: fixtures.appendingPathComponent("02-handshake.md"), encoding: .utf8)
    let text = try LessonParser.parse(
      source.replacingOccurrences(of: "# Lesson 2: test", with: "# " + title),
      fileName: "02-handshake.md")
    return try Lesson(number: 2, fileName: "02-handshake.md", text: text)
  }

  static let hostileSeed = "\"><script>alert('seed')</script>"

  /// A run with only stages 6 and 10 of 13 (as `--from/--to` will give), and hostile text
  /// everywhere a peer or a lesson could put some. The title's backslashes make the brackets
  /// text in Markdown, so the lesson's title really holds `<script>`.
  static func hostileRun(title: String = #"Lesson 2: \<script>alert('title')\</script> & co"#)
    throws -> LessonRun
  {
    let lesson = try lesson(title: title)
    var wrap = StageReport(stage: lesson.stages[5])
    wrap.values = ["wrapped_key_short": "<img src=x onerror=alert('value')>"]
    wrap.say(.client, "</pre><script>alert('console')</script>")
    wrap.outcome = AttackOutcome(.init(acceptedFalse: true), summary: "<b>summary</b> & more")
    wrap.show(
      "<i>dump title</i>", Array("<svg/onload=1>".utf8),
      fields: [ByteField(name: "<u>name</u>", offset: 0, length: 4, note: "\"note\" <blink>")])
    let frame = StageReport(stage: lesson.stages[9])
    var run = LessonRun(lesson: lesson, seed: hostileSeed, range: 5...9)
    run.reports = [wrap, frame]
    return run
  }

  static func count(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }

  /// The text between the first `open` and the `close` after it.
  static func between(_ open: String, _ close: String, in text: String) -> String? {
    guard let start = text.range(of: open),
      let end = text.range(of: close, range: start.upperBound..<text.endIndex)
    else { return nil }
    return String(text[start.upperBound..<end.lowerBound])
  }

  @Test func nothingFromTheRunBecomesMarkup() throws {
    let page = HTMLPage.render(try Self.hostileRun(), footer: .init(version: "<v>", date: "<d>"))
    #expect(Self.count("<script", in: page) == 1, "only the page's own script")
    for markup in ["<img", "<b>summary", "<i>dump", "<u>name", "<blink>", "<svg", "<v>", "<d>"] {
      #expect(!page.contains(markup), "\(markup) got through")
    }
    #expect(page.contains("&lt;/pre&gt;&lt;script&gt;alert('console')&lt;/script&gt;"))
    #expect(
      page.contains("<title>Lesson 2: &lt;script&gt;alert('title')&lt;/script&gt; &amp; co</title>")
    )
    #expect(page.contains("&lt;b&gt;summary&lt;/b&gt; &amp; more"))
    let escapedSeed = "&quot;&gt;&lt;script&gt;alert('seed')&lt;/script&gt;"
    #expect(Self.count(escapedSeed, in: page) == 2, "in the seeded note and the footer")
    #expect(HexDumpHTMLTests.text(page).contains("|<svg/onload=1>|"), "shown as text")
    #expect(page.contains("&quot;note&quot; &lt;blink&gt;"))
  }

  @Test func stagesAreNumberedByTheirPlaceInTheLesson() throws {
    let page = HTMLPage.render(try Self.hostileRun())
    #expect(
      page.contains(
        "<section class=\"stage client\" id=\"oaep-wrap\" data-stage=\"6\" tabindex=\"-1\">"))
    #expect(
      page.contains("<h2><span class=\"number\">6/13</span> <span class=\"actor\">client</span>"))
    #expect(
      page.contains(
        "<section class=\"stage wire\" id=\"message-frame\" data-stage=\"10\" tabindex=\"-1\">"))
    #expect(page.contains("<span class=\"number\">10/13</span>"))
    #expect(!page.contains("1/13"))
    #expect(!page.contains("2/13"))
  }

  @Test func theStageListLinksEverySectionOnThePage() throws {
    let page = HTMLPage.render(try Self.hostileRun())
    let list = try #require(Self.between("<nav class=\"stages\"", "</nav>", in: page))
    #expect(Self.count("<li", in: list) == 2)
    #expect(list.contains("<a href=\"#oaep-wrap\"><span class=\"number\">6/13</span>"))
    #expect(list.contains("<a href=\"#message-frame\"><span class=\"number\">10/13</span>"))
    #expect(!list.contains("#connect"))
    let names = try #require(Self.between("<datalist", "</datalist>", in: page))
    #expect(names.contains("<option value=\"oaep-wrap\">6/13 "))
    #expect(page.contains("<aside class=\"keys\" aria-label=\"Keys\" hidden>"))
  }

  @Test func everyStageOfAFullRunHasASectionAndAnEntry() throws {
    let lesson = try Self.lesson()
    var run = LessonRun(lesson: lesson, seed: nil, range: 0...(lesson.stages.count - 1))
    run.reports = lesson.stages.map { StageReport(stage: $0) }
    let page = HTMLPage.render(run)
    for (index, stage) in lesson.stages.enumerated() {
      #expect(page.contains("id=\"\(stage.id)\" data-stage=\"\(index + 1)\""))
      #expect(
        page.contains("<a href=\"#\(stage.id)\"><span class=\"number\">\(index + 1)/13</span>"))
    }
    #expect(!page.contains("class=\"seed\""), "no seed, no seed in the footer")
  }

  @Test func footerSaysVersionLessonSeedAndDate() throws {
    let page = HTMLPage.render(
      try Self.hostileRun(title: "Lesson 2: test"),
      footer: .init(version: "9.8.7", date: "2024-02-29"))
    let footer = try #require(Self.between("<footer class=\"page-footer\">", "</footer>", in: page))
    #expect(footer.contains("<span class=\"version\">Written by learnchat 9.8.7</span>"))
    #expect(footer.contains("<span class=\"lesson\">Lesson 2: test</span>"))
    #expect(footer.contains("<span class=\"seed\">seed <code>&quot;&gt;&lt;script&gt;"))
    #expect(footer.contains("<time datetime=\"2024-02-29\">2024-02-29</time>"))

    let bare = HTMLPage.render(try Self.hostileRun(), footer: .init(version: nil, date: nil))
    let bareFooter = try #require(Self.between("<footer", "</footer>", in: bare))
    #expect(bareFooter.contains("<span class=\"version\">Written by learnchat</span>"))
    #expect(!bareFooter.contains("<time"))
  }

  @Test(arguments: [
    ("Lesson 2: test", "Lesson 2: test"),
    ("lesson 2 - test", "lesson 2 - test"),
    ("A handshake", "Lesson 2: A handshake"),
    ("Lesson 22: other", "Lesson 2: Lesson 22: other"),
  ])
  func footerNamesTheLessonOnce(title: String, expected: String) throws {
    #expect(HTMLPage.lessonName(try Self.lesson(title: title)) == expected)
  }

  @Test(arguments: [
    ("0", "1970-01-01"), ("86399", "1970-01-01"), ("86400", "1970-01-02"),
    ("1700000000", "2023-11-14"), ("951782400", "2000-02-29"),
  ])
  func footerDateComesFromSourceDateEpoch(epoch: String, day: String) {
    let footer = HTMLPage.Footer.current(
      version: "1.0", environment: ["SOURCE_DATE_EPOCH": epoch, "TZ": "Pacific/Kiritimati"])
    #expect(footer == HTMLPage.Footer(version: "1.0", date: day))
  }

  @Test(arguments: [nil, "", "yesterday", "12.5"])
  func footerDateIsTodayWithoutAUsableEpoch(epoch: String?) throws {
    let environment = epoch.map { ["SOURCE_DATE_EPOCH": $0] } ?? [:]
    // Taken on both sides of the call, so a run across midnight still has its day.
    let before = HTMLPage.Footer.day(of: Date())
    let date = try #require(HTMLPage.Footer.current(version: nil, environment: environment).date)
    let after = HTMLPage.Footer.day(of: Date())
    #expect(date == before || date == after)
    #expect(date.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}/) != nil)
  }

  /// The policy names the page's own style and script by hash and lets nothing load.
  @Test func contentSecurityPolicyNamesTheInlineStyleAndScript() throws {
    let page = HTMLPage.render(try Self.hostileRun())
    let policy = try #require(
      Self.between("<meta http-equiv=\"Content-Security-Policy\" content=\"", "\">", in: page))
    let style = try #require(Self.between("<style>", "</style>", in: page))
    let script = try #require(Self.between("<script>", "</script>", in: page))
    for text in [style, script] {
      let digest = try SHA256.hash(Array(text.utf8))
      #expect(policy.contains("'sha256-\(Data(digest).base64EncodedString())'"))
    }
    #expect(policy.hasPrefix("default-src 'none'; "))
    #expect(!policy.contains("unsafe"))
    let policyAt = try #require(page.range(of: "Content-Security-Policy")).lowerBound
    #expect(policyAt < (try #require(page.range(of: "<style>")).lowerBound))
  }

  /// Offline: no address, import, font or source anywhere in the page.
  @Test func nothingExternal() throws {
    let page = HTMLPage.render(try Self.hostileRun())
    for external in ["http:", "https:", "://", "@import", "url(", "@font-face", "href=\"/"] {
      #expect(!page.contains(external), "\(external)")
    }
    #expect(page.firstMatch(of: /<[a-zA-Z][^>]*\ssrc=/) == nil, "an element with a source")
  }

  @Test func theScriptHoldsNothingFromTheRun() throws {
    let script = try #require(
      Self.between("<script>", "</script>", in: HTMLPage.render(try Self.hostileRun())))
    #expect(script == HTMLPage.script)
    #expect(!script.contains("innerHTML"))
    #expect(!script.contains("</"))
  }
}
