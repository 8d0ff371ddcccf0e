#include "service/api/call_executor.h"

#include <atomic>
#include <future>
#include <memory>
#include <mutex>
#include <vector>

#include "gtest/gtest.h"

namespace culturetrade {
namespace {

TEST(CallExecutorTest, OneWorkerRunsCallsInTheOrderTheyCame) {
  std::vector<int> order;
  std::mutex mu;
  {
    CallExecutor executor(1);
    // The first call holds the only worker until every other call is queued.
    std::promise<void> all_queued;
    executor.Submit([ready = all_queued.get_future()]() mutable { ready.wait(); });
    for (int i = 0; i < 100; ++i) {
      executor.Submit([&, i] {
        std::lock_guard<std::mutex> lock(mu);
        order.push_back(i);
      });
    }
    all_queued.set_value();
  }  // the destructor runs what is queued before it joins
  ASSERT_EQ(order.size(), 100u);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(order[i], i);
}

TEST(CallExecutorTest, WorkersRunCallsAtOnce) {
  CallExecutor executor(4);
  // Four calls that each wait for all four to have started: done only if four run together.
  std::atomic<int> started{0};
  std::vector<std::future<void>> done;
  for (int i = 0; i < 4; ++i) {
    auto finished = std::make_shared<std::promise<void>>();
    done.push_back(finished->get_future());
    executor.Submit([&started, finished] {
      ++started;
      while (started.load() < 4) {
      }
      finished->set_value();
    });
  }
  for (std::future<void>& f : done) f.wait();
  EXPECT_EQ(started.load(), 4);
}

TEST(CallExecutorTest, AtLeastOneWorker) {
  std::atomic<bool> ran{false};
  {
    CallExecutor executor(0);
    executor.Submit([&] { ran = true; });
  }
  EXPECT_TRUE(ran.load());
}

TEST(CallExecutorTest, DefaultIsAtLeastFourThreads) {
  EXPECT_GE(CallExecutor::DefaultThreads(), 4);
}

}  // namespace
}  // namespace culturetrade
