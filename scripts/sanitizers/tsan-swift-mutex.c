// Tells ThreadSanitizer about Swift's Synchronization.Mutex on Linux. Linked only into the
// ThreadSanitizer builds of scripts/sanitize; never part of learnchat itself.
//
// Why: Mutex's fast paths (one compare-and-swap each way) are inlined into our code and so are
// instrumented, but when a lock is contended the standard library's uninstrumented
// libswiftSynchronization.so takes over: _lockSlow spins with its own compare-and-swap or has
// the kernel hand the lock over (FUTEX_LOCK_PI), and _unlockSlow hands it over with
// FUTEX_UNLOCK_PI. ThreadSanitizer sees neither, so a thread that got the lock that way seems
// to touch the guarded state with no ordering against the previous holder, and every contended
// Mutex in the program is reported as a data race ("Swift access race" inside withLock). A
// ten-line program of two threads incrementing a Mutex<Int> shows it.
//
// The fix is what ThreadSanitizer's own interceptors do for pthread_mutex_lock: these
// definitions take the place of the two slow paths in the programs they are linked into, call
// the real ones (found with dlsym(RTLD_NEXT)), and annotate the lock's address: an acquire
// after _lockSlow (pairing with the releasing compare-and-swap of an inlined unlock, or with
// the annotation below), a release before _unlockSlow. Nothing is suppressed: a real race on
// state guarded by a Mutex, or on anything else, is still reported.
//
// Both functions use the Swift calling convention: `self` (the address of the Mutex's atomic
// word) travels in the swiftself register, which is what clang's swift_context marks.
// scripts/sanitize checks that libswiftSynchronization.so still exports both names.

#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

void __tsan_acquire(void *address);
void __tsan_release(void *address);

typedef __attribute__((swiftcall)) void (*LockSlow)(uint32_t, void *__attribute__((swift_context)));
typedef __attribute__((swiftcall)) void (*UnlockSlow)(void *__attribute__((swift_context)));

#define LOCK_SLOW "$s15Synchronization12_MutexHandleV9_lockSlowyys6UInt32VF"
#define UNLOCK_SLOW "$s15Synchronization12_MutexHandleV11_unlockSlowyyF"

static void *real(const char *name) {
  void *function = dlsym(RTLD_NEXT, name);
  if (function == NULL) {
    fprintf(stderr, "tsan-swift-mutex: %s not found: %s\n", name, dlerror());
    abort();
  }
  return function;
}

__attribute__((swiftcall)) void lockSlow(uint32_t selfID, void *__attribute__((swift_context)) self)
    __asm__(LOCK_SLOW);
__attribute__((swiftcall)) void lockSlow(uint32_t selfID, void *__attribute__((swift_context)) self) {
  static LockSlow cached;
  LockSlow function = __atomic_load_n(&cached, __ATOMIC_RELAXED);
  if (function == NULL) {
    function = (LockSlow)real(LOCK_SLOW);
    __atomic_store_n(&cached, function, __ATOMIC_RELAXED);
  }
  function(selfID, self);
  __tsan_acquire(self);
}

__attribute__((swiftcall)) void unlockSlow(void *__attribute__((swift_context)) self)
    __asm__(UNLOCK_SLOW);
__attribute__((swiftcall)) void unlockSlow(void *__attribute__((swift_context)) self) {
  static UnlockSlow cached;
  UnlockSlow function = __atomic_load_n(&cached, __ATOMIC_RELAXED);
  if (function == NULL) {
    function = (UnlockSlow)real(UNLOCK_SLOW);
    __atomic_store_n(&cached, function, __ATOMIC_RELAXED);
  }
  __tsan_release(self);
  function(self);
}
