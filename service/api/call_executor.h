// The threads that run analysis calls. The callback API hands each call over on one of gRPC's
// few event threads, which must never block; the call then waits here, first come first
// served, for one of a fixed number of workers. A fixed pool instead of a thread per call keeps
// calls from sharing a core in small slices, so that a burst is answered in the order it came
// rather than all at its end, and never creates or ends threads under load.
#ifndef CULTURETRADE_SERVICE_API_CALL_EXECUTOR_H_
#define CULTURETRADE_SERVICE_API_CALL_EXECUTOR_H_

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include "absl/functional/any_invocable.h"

namespace culturetrade {

class CallExecutor {
 public:
  // `threads` workers; at least one.
  explicit CallExecutor(int threads);
  // Runs what is queued, then joins the workers.
  ~CallExecutor();
  CallExecutor(const CallExecutor&) = delete;
  CallExecutor& operator=(const CallExecutor&) = delete;

  // Queues `work`; the queue is bounded by the callers (RpcGate admits a limited number of
  // calls), not here.
  void Submit(absl::AnyInvocable<void() &&> work);

  // The default number of workers: twice the cores, so that a call waiting on its store does
  // not leave a core idle, and at least four.
  static int DefaultThreads();

 private:
  void Work();

  std::mutex mu_;
  std::condition_variable ready_;
  std::deque<absl::AnyInvocable<void() &&>> queue_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_API_CALL_EXECUTOR_H_
