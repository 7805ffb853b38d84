import Foundation
import LearnchatTestSupport
import Testing

/// `learnchat lesson N --html FILE` opened in headless Chromium: the checks of
/// `Browser/html_page_test.py` (layout at 683 and 1280 pixels, light and dark; stepping keys;
/// highlighting; print; footer; no network request) on pages the real binary wrote.
@Suite(
  "learnchat lesson --html in a real browser",
  .enabled(if: BrowserTools.shouldRun, BrowserTools.skipComment))
struct HTMLPageBrowserTests {
  /// A fixed `SOURCE_DATE_EPOCH`, so the footer's date is known: 2023-11-14 in UTC.
  static let epoch = ("1700000000", "2023-11-14")

  @Test("lessons 2 and 3: layout, keys, highlighting, print, footer, offline")
  func lessonPages() throws {
    try #require(
      BrowserTools.missing.isEmpty,
      "LEARNCHAT_REQUIRE_BROWSER is set, but \(BrowserTools.missing.joined(separator: "; "))")
    let chromium = try #require(BrowserTools.chromium)
    let folder = try TemporaryFolder()
    let versionRun = try LearnchatBinary.run(["--version"])
    let version = versionRun.output.trimmingCharacters(in: .whitespacesAndNewlines)
    try #require(versionRun.status == 0 && !version.isEmpty)

    // Lesson 3's seed is hostile: it must come out as text in the footer and the seeded note.
    let lessons: [(number: Int, seed: String)] = [
      (2, "browser test"), (3, "<script>alert(\"seed\")</script> & <b>more</b>"),
    ]
    var pages: [[String: Any]] = []
    for lesson in lessons {
      let path = "\(folder.path)/lesson-\(lesson.number).html"
      let run = try LearnchatBinary.run(
        ["lesson", String(lesson.number), "--seed", lesson.seed, "--html", path],
        environment: ["SOURCE_DATE_EPOCH": Self.epoch.0])
      try #require(run.status == 0, "learnchat lesson \(lesson.number): \(run.errorOutput)")
      pages.append(["path": path, "lesson": lesson.number, "seed": lesson.seed])
    }
    let spec: [String: Any] = [
      "chromium": chromium, "date": Self.epoch.1, "version": version, "pages": pages,
    ]
    let specPath = folder.path + "/spec.json"
    try JSONSerialization.data(withJSONObject: spec).write(to: URL(fileURLWithPath: specPath))

    let result = try LearnchatBinary.run(
      ["python3", BrowserTools.script, specPath], executable: URL(fileURLWithPath: "/usr/bin/env"))
    let report = result.output + result.errorOutput
    let lines = result.output.split(separator: "\n").map(String.init)
    let failures = lines.filter { $0.hasPrefix("FAIL ") }
    #expect(lines.filter { $0.hasPrefix("ok ") }.count >= 20, "too few checks ran:\n\(report)")
    #expect(
      result.status == (failures.isEmpty ? 0 : 1), "the script itself failed:\n\(report)")
    #expect(failures.isEmpty, "\(report)")
  }
}
