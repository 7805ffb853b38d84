/// What the full-screen stepper shows and how keys move it: a value with no terminal and no
/// demo behind it, so every key can be tested.
///
/// The pages are the introduction, the stages of the shown range, and the summary when the
/// range reaches the lesson's end. Stages run in order as the demo reaches them; moving to a
/// page whose stage has not run yet asks the caller to run the demo on (`Outcome.run`), and
/// going back only shows what has already run.
public struct StepperModel: Sendable, Equatable {
  /// A page of the lesson.
  public enum Page: Hashable, Sendable {
    case introduction
    /// The stage at this index into the lesson's stages.
    case stage(Int)
    case summary
  }

  /// What the keys do at the moment.
  public enum Mode: Equatable, Sendable {
    /// Reading a page.
    case reading
    /// Typing a stage number or name after `g`.
    case goTo(String)
    /// Picking from the list of stages after `l`; the cursor is a stage index.
    case list(cursor: Int)
    /// The keys, after `?`.
    case help
  }

  /// What the caller does after a key.
  public enum Outcome: Equatable, Sendable {
    /// Draw the screen again.
    case redraw
    /// The page needs a stage that has not run: run the demo on to `stage`, then draw.
    case run(stage: Int)
    /// Quit now.
    case quit
  }

  /// How many stages the lesson has.
  public let stageCount: Int
  /// The stages shown, as indexes.
  public let range: ClosedRange<Int>
  /// The page shown.
  public private(set) var page: Page
  /// The first body line on screen.
  public private(set) var scroll = 0
  /// What the keys do.
  public private(set) var mode: Mode = .reading
  /// A one-time note for the status line, cleared by the next key.
  public private(set) var note: String?
  /// Whether dumps show every byte.
  public private(set) var full: Bool
  /// The last stage that has run, if any.
  public private(set) var lastRun: Int?
  /// Whether the demo has ended, so no more stages will run.
  public private(set) var demoEnded = false

  /// A model for a lesson of `stageCount` stages showing `range`, starting at `start`.
  public init(stageCount: Int, range: ClosedRange<Int>, start: Page, full: Bool) {
    self.stageCount = stageCount
    self.range = range
    self.page = start
    self.full = full
  }

  /// Whether the summary is one of the pages: the range reaches the last stage.
  public var hasSummary: Bool { range.upperBound == stageCount - 1 }

  /// The pages in order.
  public var pages: [Page] {
    [.introduction] + range.map(Page.stage) + (hasSummary ? [.summary] : [])
  }

  /// The stage the current page needs to have run, if it needs one that has not.
  public var pendingStage: Int? {
    let needed: Int
    switch page {
    case .introduction: return nil
    case .stage(let index): needed = index
    case .summary: needed = range.upperBound
    }
    if let lastRun, lastRun >= needed { return nil }
    return demoEnded ? nil : needed
  }

  /// Records that stage `index` has run.
  public mutating func stageDidRun(_ index: Int) {
    lastRun = max(lastRun ?? index, index)
  }

  /// Records that the demo ended: stages that have not run never will.
  public mutating func demoDidEnd() {
    demoEnded = true
  }

  /// Whether `page` can be shown now (its stage ran, or it needs none).
  public func isAvailable(_ page: Page) -> Bool {
    switch page {
    case .introduction: return true
    case .stage(let index): return (lastRun ?? -1) >= index
    case .summary: return (lastRun ?? -1) >= range.upperBound
    }
  }

  /// Handles `key` on a page of `bodyHeight` lines seen through `viewport` rows; `resolve`
  /// turns what was typed at the `g` prompt into a stage index.
  public mutating func handle(
    _ key: StepperKey, bodyHeight: Int, viewport: Int, resolve: (String) -> Int?
  ) -> Outcome {
    note = nil
    switch mode {
    case .reading: return read(key, bodyHeight: bodyHeight, viewport: viewport)
    case .goTo(let typed): return goToPrompt(key, typed: typed, resolve: resolve)
    case .list(let cursor): return list(key, cursor: cursor)
    case .help:
      mode = .reading
      return key == .controlD ? .quit : .redraw
    }
  }

  /// Keeps the scroll position inside a page of `bodyHeight` lines seen through `viewport`
  /// rows (after a resize or a toggle changes either).
  public mutating func clampScroll(bodyHeight: Int, viewport: Int) {
    scroll = min(max(0, scroll), max(0, bodyHeight - viewport))
  }

  /// Shows `text` on the status line until the next key.
  public mutating func show(note text: String) {
    note = text
  }

  private mutating func read(_ key: StepperKey, bodyHeight: Int, viewport: Int) -> Outcome {
    let bottom = max(0, bodyHeight - viewport)
    let pageStep = max(1, viewport - 1)
    switch key {
    case .character("q"), .escape, .controlD, .controlC:
      return .quit
    case .character("n"), .right:
      return move(by: 1)
    case .character("p"), .character("b"), .left:
      return move(by: -1)
    case .enter, .character(" "), .pageDown:
      guard scroll >= bottom else {
        scroll = min(bottom, scroll + pageStep)
        return .redraw
      }
      return move(by: 1)
    case .pageUp:
      scroll = max(0, scroll - pageStep)
    case .down, .character("j"):
      scroll = min(bottom, scroll + 1)
    case .up, .character("k"):
      scroll = max(0, scroll - 1)
    case .home:
      scroll = 0
    case .end:
      scroll = bottom
    case .character("g"):
      mode = .goTo("")
    case .character(let digit) where digit.isASCII && digit.isNumber:
      mode = .goTo(String(digit))
    case .character("l"):
      mode = .list(cursor: currentStageIndex ?? range.lowerBound)
    case .character("?"):
      mode = .help
    case .character("f"):
      full.toggle()
      note = full ? "Dumps in full" : "Long dumps shortened"
    default:
      note = "Press ? for the keys"
    }
    return .redraw
  }

  private mutating func goToPrompt(
    _ key: StepperKey, typed: String, resolve: (String) -> Int?
  ) -> Outcome {
    switch key {
    case .escape:
      mode = .reading
    case .controlD, .controlC:
      return .quit
    case .backspace:
      mode = .goTo(String(typed.dropLast()))
    case .character(let character) where typed.count < 40:
      mode = .goTo(typed + String(character))
    case .enter:
      mode = .reading
      guard !typed.isEmpty else { return .redraw }
      guard let index = resolve(typed) else {
        note =
          "No stage \"\(typed)\": type 1-\(stageCount) or a stage's name (l lists them)"
        return .redraw
      }
      guard range.contains(index) else {
        note =
          "Stage \(index + 1) is outside the stages shown (\(range.lowerBound + 1)-\(range.upperBound + 1))"
        return .redraw
      }
      return go(to: .stage(index))
    default:
      break
    }
    return .redraw
  }

  private mutating func list(_ key: StepperKey, cursor: Int) -> Outcome {
    switch key {
    case .escape, .character("q"), .character("l"):
      mode = .reading
    case .controlD, .controlC:
      return .quit
    case .up, .character("k"):
      mode = .list(cursor: max(range.lowerBound, cursor - 1))
    case .down, .character("j"):
      mode = .list(cursor: min(range.upperBound, cursor + 1))
    case .home:
      mode = .list(cursor: range.lowerBound)
    case .end:
      mode = .list(cursor: range.upperBound)
    case .enter, .right:
      return go(to: .stage(cursor))
    case .character(let digit) where digit.isASCII && digit.isNumber:
      mode = .goTo(String(digit))
    default:
      break
    }
    return .redraw
  }

  /// The stage index of the page shown, if it is a stage.
  public var currentStageIndex: Int? {
    if case .stage(let index) = page { return index }
    return nil
  }

  private mutating func move(by step: Int) -> Outcome {
    let pages = pages
    guard let position = pages.firstIndex(of: page) else { return .redraw }
    let target = position + step
    guard pages.indices.contains(target) else {
      note =
        step > 0 ? "This is the end of the lesson: q quits, p goes back" : "This is the start"
      return .redraw
    }
    return go(to: pages[target])
  }

  private mutating func go(to target: Page) -> Outcome {
    if !isAvailable(target) && demoEnded {
      note = "That stage did not run"
      return .redraw
    }
    page = target
    scroll = 0
    mode = .reading
    return pendingStage.map { .run(stage: $0) } ?? .redraw
  }
}
