#include "service/api/call_executor.h"

#include <algorithm>
#include <utility>

namespace culturetrade {

CallExecutor::CallExecutor(int threads) {
  workers_.reserve(std::max(threads, 1));
  for (int i = 0; i < std::max(threads, 1); ++i) workers_.emplace_back([this] { Work(); });
}

CallExecutor::~CallExecutor() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread& t : workers_) t.join();
}

void CallExecutor::Submit(absl::AnyInvocable<void() &&> work) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.push_back(std::move(work));
  }
  ready_.notify_one();
}

int CallExecutor::DefaultThreads() {
  return std::max(4, 2 * static_cast<int>(std::thread::hardware_concurrency()));
}

void CallExecutor::Work() {
  while (true) {
    absl::AnyInvocable<void() &&> work;
    {
      std::unique_lock<std::mutex> lock(mu_);
      ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to run
      work = std::move(queue_.front());
      queue_.pop_front();
    }
    std::move(work)();
  }
}

}  // namespace culturetrade
