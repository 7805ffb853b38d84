#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension HTMLPage {
  /// What the page's footer says beyond the run itself: which learnchat wrote it, and when.
  ///
  /// The lesson and the seed come from the run; the version lives in the command-line target,
  /// which passes it in.
  public struct Footer: Sendable, Equatable {
    /// learnchat's version, such as `0.1.0`; nil leaves it out.
    public var version: String?
    /// The day the page was written, as `YYYY-MM-DD`; nil leaves it out.
    public var date: String?

    /// A footer naming `version` and `date`, either of which may be left out.
    public init(version: String?, date: String?) {
      self.version = version
      self.date = date
    }

    /// A footer for a page written now: dated by `SOURCE_DATE_EPOCH` (seconds since 1970) when
    /// `environment` sets it to a whole number, as reproducible builds do, else by today; the
    /// day is taken in UTC, so the same instant gives the same date everywhere.
    public static func current(
      version: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Footer {
      let now: Date
      if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap({ Int64($0) }) {
        now = Date(timeIntervalSince1970: TimeInterval(epoch))
      } else {
        now = Date()
      }
      return Footer(version: version, date: day(of: now))
    }

    /// `date` as `YYYY-MM-DD`, in UTC.
    static func day(of date: Date) -> String {
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
      let parts = calendar.dateComponents([.year, .month, .day], from: date)
      func padded(_ value: Int?, _ width: Int) -> String {
        let digits = String(value ?? 0)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
      }
      return "\(padded(parts.year, 4))-\(padded(parts.month, 2))-\(padded(parts.day, 2))"
    }
  }

  /// The `<footer>`: learnchat and its version, the lesson, the seed, the date; all escaped.
  static func footer(_ footer: Footer, lesson: Lesson, seed: String?) -> String {
    let escape = HTMLEscaping.text
    var parts: [String] = []
    let version = footer.version.map { " " + escape($0) } ?? ""
    parts.append("<span class=\"version\">Written by learnchat\(version)</span>")
    parts.append("<span class=\"lesson\">\(escape(lessonName(lesson)))</span>")
    if let seed {
      parts.append("<span class=\"seed\">seed <code>\(escape(seed))</code></span>")
    }
    if let date = footer.date {
      parts.append(
        "<span class=\"date\"><time datetime=\"\(escape(date))\">\(escape(date))</time></span>")
    }
    return "<footer class=\"page-footer\">\n<p>" + parts.joined(separator: " · ")
      + "</p>\n</footer>\n"
  }

  /// `Lesson 3: Breaking the handshake chat`: the title as the lesson file gives it when it
  /// already starts with its number, as the built-in ones do, else the number and the title.
  static func lessonName(_ lesson: Lesson) -> String {
    let title = lesson.text.title
    let prefix = "Lesson \(lesson.number)"
    if title.lowercased().hasPrefix(prefix.lowercased()) {
      let rest = title.dropFirst(prefix.count)
      // "Lesson 1" must not pass for "Lesson 12".
      if rest.first.map({ !$0.isNumber }) ?? true { return title }
    }
    return title.isEmpty ? prefix : "\(prefix): \(title)"
  }
}
