// What the fuzz targets share: an invariant check that libFuzzer sees as a crash.
#ifndef CULTURETRADE_TESTS_FUZZ_FUZZ_CHECK_H_
#define CULTURETRADE_TESTS_FUZZ_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>

// Aborts (a crash libFuzzer reports and saves) when `cond` is false.
#define FUZZ_CHECK(cond)                                                                 \
  do {                                                                                   \
    if (!(cond)) {                                                                       \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                      \
    }                                                                                    \
  } while (0)

#endif  // CULTURETRADE_TESTS_FUZZ_FUZZ_CHECK_H_
