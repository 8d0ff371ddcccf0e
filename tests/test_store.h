// A new SQLite store file for the running test, named after it under GoogleTest's temporary
// directory, with whatever an earlier run left there removed first.
#ifndef CULTURETRADE_TESTS_TEST_STORE_H_
#define CULTURETRADE_TESTS_TEST_STORE_H_

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace culturetrade::testing {

// The path of the running test's store: TEMP/PREFIX-TESTNAME.db, emptied.
inline std::string FreshStorePath(absl::string_view prefix) {
  const std::string path =
      absl::StrCat(::testing::TempDir(), "/", prefix, "-",
                   ::testing::UnitTest::GetInstance()->current_test_info()->name(), ".db");
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  return path;
}

}  // namespace culturetrade::testing

#endif  // CULTURETRADE_TESTS_TEST_STORE_H_
