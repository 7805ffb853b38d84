import Testing

@testable import LearnchatLessons

/// The keys on the stepper's status line, which must not drop the keys to step with while a
/// reader scrolls a page on an 80-column terminal.
@Suite("The stepper's status line")
struct StepperStatusLineTests {
  @Test("80 columns, scrolled: the lesson number and \"lines\" go, the keys to step with stay")
  func scrolledPageKeepsTheSteppingKeys() {
    let (place, keys) = StepperScreen.fitting(
      place: "Lesson 2 · 3/13 pem-export · lines 22-43/60 ↓",
      shorter: "3/13 pem-export · 22-43/60 ↓", columns: 80)
    #expect(place == "3/13 pem-export · 22-43/60 ↓")
    #expect(keys.hasPrefix("n next · p back · "))
  }

  @Test("Where the whole place fits beside as many keys, it stays whole")
  func roomyScreenKeepsEverything() {
    let (place, keys) = StepperScreen.fitting(
      place: "Lesson 2 · 3/13 pem-export · lines 1-22/60 ↓",
      shorter: "3/13 pem-export · 1-22/60 ↓", columns: 80)
    #expect(place == "Lesson 2 · 3/13 pem-export · lines 1-22/60 ↓")
    #expect(keys == "n next · p back · ? keys · q quit")
    let (widePlace, wideKeys) = StepperScreen.fitting(
      place: "Lesson 2 · 3/13 pem-export · lines 22-43/60 ↓",
      shorter: "3/13 pem-export · 22-43/60 ↓", columns: 120)
    #expect(widePlace == "Lesson 2 · 3/13 pem-export · lines 22-43/60 ↓")
    #expect(wideKeys == "n next · p back · g go · l list · ? keys · q quit")
  }

  @Test("A screen too narrow for any keys keeps the shorter place")
  func tinyScreen() {
    let (place, keys) = StepperScreen.fitting(
      place: "Lesson 2 · 3/13 pem-export", shorter: "3/13 pem-export", columns: 20)
    #expect(keys == "")
    #expect(place == "Lesson 2 · 3/13 pem-export")
  }
}
