import Testing

@testable import LearnchatLessons

/// The stepper's keys, page by page, without a terminal: what each key does to the page, the
/// scroll position and the mode, and when the demo must run on.
@Suite("The stepper's model")
struct StepperModelTests {
  /// A model of a 13-stage lesson showing every stage, with stages up to `ran` already run.
  static func model(
    range: ClosedRange<Int> = 0...12, start: StepperModel.Page = .introduction, ran: Int? = nil
  ) -> StepperModel {
    var model = StepperModel(stageCount: 13, range: range, start: start, full: false)
    if let ran { model.stageDidRun(ran) }
    return model
  }

  static let names = [
    "connect", "keygen", "pem-export", "public-key-frame", "session-key", "oaep-wrap",
    "oaep-unwrap", "nonce", "seal", "message-frame", "decrypt", "reply", "exit",
  ]

  /// What the `g` prompt resolves: a number or a name, as `StageSelection` does.
  static func resolve(_ text: String) -> Int? {
    if let number = Int(text), (1...13).contains(number) { return number - 1 }
    return names.firstIndex(of: text)
  }

  @discardableResult
  static func press(
    _ keys: [StepperKey], _ model: inout StepperModel, bodyHeight: Int = 10, viewport: Int = 20
  ) -> StepperModel.Outcome {
    var outcome = StepperModel.Outcome.redraw
    for key in keys {
      outcome = model.handle(key, bodyHeight: bodyHeight, viewport: viewport, resolve: resolve)
    }
    return outcome
  }

  @Test func nextFromTheIntroductionAsksForTheFirstStageToRun() {
    var model = Self.model()
    #expect(Self.press([.character("n")], &model) == .run(stage: 0))
    #expect(model.page == .stage(0))
    #expect(model.pendingStage == 0)
    model.stageDidRun(0)
    #expect(model.pendingStage == nil)
  }

  @Test("n, Right, Enter and Space at the bottom go forward; p, b and Left go back")
  func forwardAndBack() {
    var model = Self.model(start: .stage(5), ran: 12)
    for key in [StepperKey.character("n"), .right, .enter, .character(" "), .pageDown] {
      let before = model.currentStageIndex ?? -1
      #expect(Self.press([key], &model) == .redraw)
      #expect(model.currentStageIndex == before + 1, "\(key)")
    }
    for key in [StepperKey.character("p"), .character("b"), .left] {
      let before = model.currentStageIndex ?? -1
      Self.press([key], &model)
      #expect(model.currentStageIndex == before - 1, "\(key)")
    }
  }

  @Test("going back never asks for a stage to run")
  func backNeverRuns() {
    var model = Self.model(start: .stage(6), ran: 6)
    #expect(Self.press([.left], &model) == .redraw)
    #expect(model.page == .stage(5))
    #expect(Self.press([.left, .left, .left, .left, .left, .left], &model) == .redraw)
    #expect(model.page == .introduction)
    #expect(Self.press([.left], &model) == .redraw)
    #expect(model.note == "This is the start")
  }

  @Test("Space and Enter scroll a page while there is more to see, then go on")
  func spaceScrollsFirst() {
    var model = Self.model(start: .stage(2), ran: 12)
    Self.press([.character(" ")], &model, bodyHeight: 50, viewport: 20)
    #expect(model.scroll == 19)
    #expect(model.page == .stage(2))
    Self.press([.enter], &model, bodyHeight: 50, viewport: 20)
    #expect(model.scroll == 30, "never past the last screenful")
    Self.press([.character(" ")], &model, bodyHeight: 50, viewport: 20)
    #expect(model.page == .stage(3))
    #expect(model.scroll == 0, "a new page starts at its top")
  }

  @Test("lines, pages, Home and End scroll within the page")
  func scrolling() {
    var model = Self.model(start: .stage(2), ran: 12)
    let height = 50
    Self.press([.down, .character("j"), .down], &model, bodyHeight: height)
    #expect(model.scroll == 3)
    Self.press([.up, .character("k")], &model, bodyHeight: height)
    #expect(model.scroll == 1)
    Self.press([.end], &model, bodyHeight: height)
    #expect(model.scroll == 30)
    Self.press([.down], &model, bodyHeight: height)
    #expect(model.scroll == 30)
    Self.press([.pageUp], &model, bodyHeight: height)
    #expect(model.scroll == 11)
    Self.press([.home], &model, bodyHeight: height)
    #expect(model.scroll == 0)
    Self.press([.up], &model, bodyHeight: height)
    #expect(model.scroll == 0)
    model.clampScroll(bodyHeight: 10, viewport: 20)
    #expect(model.scroll == 0)
  }

  @Test("g, a number or a name, Enter: the stage; Esc cancels; nonsense says what to type")
  func goTo() {
    var model = Self.model(start: .stage(0), ran: 12)
    #expect(Self.press([.character("g"), .character("6"), .enter], &model) == .redraw)
    #expect(model.page == .stage(5))
    Self.press([.character("g")] + "nonce".map { .character($0) } + [.enter], &model)
    #expect(model.page == .stage(7))
    Self.press([.character("g"), .character("x"), .backspace, .character("2"), .enter], &model)
    #expect(model.page == .stage(1))
    Self.press([.character("g"), .character("9"), .escape], &model)
    #expect(model.page == .stage(1))
    #expect(model.mode == .reading)
    Self.press([.character("g"), .character("z"), .enter], &model)
    #expect(model.page == .stage(1))
    #expect(model.note?.hasPrefix("No stage \"z\"") == true)
    Self.press([.character("4")], &model)
    #expect(model.mode == .goTo("4"), "a digit starts the prompt")
  }

  @Test("jumping ahead asks for the demo to run on to that stage")
  func jumpAheadRuns() {
    var model = Self.model(start: .stage(1), ran: 1)
    #expect(
      Self.press([.character("g"), .character("1"), .character("0"), .enter], &model)
        == .run(stage: 9))
  }

  @Test("a range keeps g and the pages inside it")
  func range() {
    var model = Self.model(range: 4...6, start: .stage(4), ran: 6)
    Self.press([.character("g"), .character("9"), .enter], &model)
    #expect(model.page == .stage(4))
    #expect(model.note?.contains("outside the stages shown (5-7)") == true)
    #expect(model.pages == [.introduction, .stage(4), .stage(5), .stage(6)], "no summary")
    Self.press([.right, .right, .right], &model)
    #expect(model.page == .stage(6))
    #expect(model.note?.hasPrefix("This is the end") == true)
  }

  @Test("l lists the stages; the cursor moves within the range and Enter goes")
  func list() {
    var model = Self.model(start: .stage(3), ran: 12)
    Self.press([.character("l")], &model)
    #expect(model.mode == .list(cursor: 3))
    Self.press([.down, .down, .character("j"), .up], &model)
    #expect(model.mode == .list(cursor: 5))
    Self.press([.end], &model)
    #expect(model.mode == .list(cursor: 12))
    Self.press([.down], &model)
    #expect(model.mode == .list(cursor: 12))
    Self.press([.home, .enter], &model)
    #expect(model.page == .stage(0))
    #expect(model.mode == .reading)
    Self.press([.character("l"), .escape], &model)
    #expect(model.mode == .reading)
    #expect(model.page == .stage(0))
  }

  @Test("? shows the keys and any key returns; f toggles full dumps")
  func helpAndFull() {
    var model = Self.model(start: .stage(3), ran: 12)
    Self.press([.character("?")], &model)
    #expect(model.mode == .help)
    #expect(Self.press([.character("q")], &model) == .redraw, "q closes the help, not the lesson")
    #expect(model.mode == .reading)
    Self.press([.character("f")], &model)
    #expect(model.full)
    Self.press([.character("f")], &model)
    #expect(!model.full)
  }

  @Test(
    "q, Esc, Ctrl-D and Ctrl-C quit",
    arguments: [StepperKey.character("q"), .escape, .controlD, .controlC])
  func quit(key: StepperKey) {
    var model = Self.model(start: .stage(3), ran: 12)
    #expect(Self.press([key], &model) == .quit)
  }

  @Test("after the last stage comes the summary, which needs the last stage to have run")
  func summary() {
    var model = Self.model(start: .stage(11), ran: 11)
    #expect(Self.press([.right], &model) == .run(stage: 12))
    model.stageDidRun(12)
    #expect(Self.press([.right], &model) == .redraw)
    #expect(model.page == .summary)
    Self.press([.right], &model)
    #expect(model.page == .summary)
    #expect(model.note?.hasPrefix("This is the end of the lesson") == true)
  }

  @Test("once the demo has ended, a stage that never ran is refused, not waited for")
  func demoEnded() {
    var model = Self.model(start: .stage(2), ran: 2)
    model.demoDidEnd()
    #expect(Self.press([.right], &model) == .redraw)
    #expect(model.page == .stage(2))
    #expect(model.note == "That stage did not run")
  }
}
