// Batches worked on by a pool of threads and their results handed out in the batches' order:
// the parallel half of reading a CSV stream (csv_batches.h) of any size on every core. At most
// `window` batches are out at once (taken but their results not yet handed out), so that the
// memory held stays that of a few batches however fast the threads are and however slowly the
// results are used. The threads are joined when the pool is destroyed, at any point.
#ifndef CULTURETRADE_IMPORT_ORDERED_BATCH_POOL_H_
#define CULTURETRADE_IMPORT_ORDERED_BATCH_POOL_H_

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "import/csv_batches.h"

namespace culturetrade::import {

template <typename Result>
class OrderedBatchPool {
 public:
  // Gives the next batch, or false at the end; one thread at a time calls it.
  using Source = std::function<bool(CsvBatch&)>;
  // The result of one batch; several threads call it at once.
  using Work = std::function<Result(const CsvBatch&)>;

  OrderedBatchPool(int threads, int window, Source source, Work work)
      : window_(std::max(window, 1)), source_(std::move(source)), work_(std::move(work)) {
    threads_.reserve(std::max(threads, 1));
    for (int i = 0; i < std::max(threads, 1); ++i) threads_.emplace_back([this] { Run(); });
  }
  OrderedBatchPool(const OrderedBatchPool&) = delete;
  OrderedBatchPool& operator=(const OrderedBatchPool&) = delete;
  ~OrderedBatchPool() {
    Stop();
    for (std::thread& t : threads_) t.join();
  }

  // The result of the next batch in order, waiting for it; false after the last, or after
  // the last taken before Stop.
  bool Next(Result& result) {
    std::unique_lock<std::mutex> lock(mu_);
    ready_.wait(lock, [this] {
      return done_.count(handed_out_) > 0 || end_ == handed_out_ ||
             (stopped_ && handed_out_ == taken_);
    });
    auto it = done_.find(handed_out_);
    if (it == done_.end()) return false;
    result = std::move(it->second);
    done_.erase(it);
    ++handed_out_;
    room_.notify_all();
    return true;
  }

  // Takes no more batches; those taken are still worked on and handed out.
  void Stop() {
    std::lock_guard<std::mutex> lock(mu_);
    stopped_ = true;
    room_.notify_all();
    ready_.notify_all();
  }

 private:
  void Run() {
    for (;;) {
      CsvBatch batch;
      int64_t number = 0;
      if (!Take(batch, number)) return;
      Result result = work_(batch);
      std::lock_guard<std::mutex> lock(mu_);
      done_.emplace(number, std::move(result));
      ready_.notify_all();
    }
  }

  // The next batch and its number; false when there is none or the pool stops.
  bool Take(CsvBatch& batch, int64_t& number) {
    // One thread reads the source at a time, so batches are numbered in the stream's order.
    std::lock_guard<std::mutex> reading(source_mu_);
    {
      std::unique_lock<std::mutex> lock(mu_);
      room_.wait(lock, [this] { return stopped_ || taken_ - handed_out_ < window_; });
      if (stopped_ || end_ >= 0) return false;
      number = taken_++;
    }
    if (source_(batch)) return true;
    std::lock_guard<std::mutex> lock(mu_);
    end_ = --taken_;
    ready_.notify_all();
    return false;
  }

  const int64_t window_;
  Source source_;
  Work work_;
  std::mutex source_mu_;
  std::mutex mu_;                  // guards what follows
  std::condition_variable room_;   // a batch may be taken, or the pool stops
  std::condition_variable ready_;  // a result is done, or the batches have ended
  int64_t taken_ = 0;              // batches taken from the source
  int64_t handed_out_ = 0;         // results handed out by Next
  int64_t end_ = -1;               // the number of batches, once the source has ended
  bool stopped_ = false;
  std::map<int64_t, Result> done_;  // results not handed out yet, by batch number
  std::vector<std::thread> threads_;
};

}  // namespace culturetrade::import

#endif  // CULTURETRADE_IMPORT_ORDERED_BATCH_POOL_H_
