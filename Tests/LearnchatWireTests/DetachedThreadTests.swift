import Dispatch
import Glibc
import LearnchatWire
import Synchronization
import Testing

@Suite struct DetachedThreadTests {
  @Test func runsTheBodyOnAThreadOfItsOwn() throws {
    let caller = pthread_self()
    let ranOn = Mutex<pthread_t?>(nil)
    let done = DispatchSemaphore(value: 0)
    try DetachedThread.start {
      ranOn.withLock { $0 = pthread_self() }
      done.signal()
    }
    #expect(done.wait(timeout: .now() + 30) == .success)
    let thread = try #require(ranOn.withLock { $0 })
    #expect(pthread_equal(thread, caller) == 0)
  }

  @Test func manyThreadsEachRunOnce() throws {
    let runs = Mutex(0)
    let done = DispatchSemaphore(value: 0)
    for _ in 0..<20 {
      try DetachedThread.start {
        runs.withLock { $0 += 1 }
        done.signal()
      }
    }
    for _ in 0..<20 { #expect(done.wait(timeout: .now() + 30) == .success) }
    #expect(runs.withLock { $0 } == 20)
  }
}
