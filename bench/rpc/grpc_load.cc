#include "bench/rpc/grpc_load.h"

#include <grpcpp/client_context.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/channel_arguments.h>
#include <grpcpp/support/status.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <random>
#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace culturetrade::bench {
namespace {

constexpr std::array<const char*, 17> kCodeNames = {
    "OK",        "CANCELLED",      "UNKNOWN",           "INVALID_ARGUMENT",   "DEADLINE_EXCEEDED",
    "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
    "ABORTED",   "OUT_OF_RANGE",   "UNIMPLEMENTED",     "INTERNAL",           "UNAVAILABLE",
    "DATA_LOSS", "UNAUTHENTICATED"};
constexpr absl::Duration kCallDeadline = absl::Seconds(60);

class LoadRun {
 public:
  LoadRun(const LoadOptions& options, const std::vector<grpc::ByteBuffer>& bodies)
      : options_(options), bodies_(bodies) {
    for (int i = 0; i < options.connections; ++i) {
      grpc::ChannelArguments args;
      // A channel of its own for each connection: gRPC would otherwise share one socket.
      args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
      args.SetInt("culturetrade.bench.connection", i);
      channels_.push_back(
          grpc::CreateCustomChannel(options.target, grpc::InsecureChannelCredentials(), args));
      stubs_.push_back(std::make_unique<grpc::GenericStub>(channels_.back()));
    }
  }

  bool Connect() {
    const auto deadline = absl::ToChronoTime(absl::Now() + absl::Seconds(30));
    return std::all_of(channels_.begin(), channels_.end(),
                       [&](const auto& c) { return c->WaitForConnected(deadline); });
  }

  LoadResult Run() {
    start_ = absl::Now();
    measure_from_ = start_ + options_.warmup;
    end_ = measure_from_ + options_.duration;
    const int slots = options_.connections * options_.in_flight;
    if (options_.rate > 0) {
      Pace(slots);
    } else {
      in_flight_ = slots;
      for (int slot = 0; slot < slots; ++slot) Issue(slot % options_.connections);
    }
    std::unique_lock<std::mutex> lock(mu_);
    ended_.wait(lock, [&] { return in_flight_ == 0; });
    std::sort(result_.latencies_ms.begin(), result_.latencies_ms.end());
    result_.seconds = absl::ToDoubleSeconds(options_.duration);
    return std::move(result_);
  }

 private:
  struct Call {
    grpc::ClientContext context;
    grpc::ByteBuffer request;
    grpc::ByteBuffer response;
    absl::Time start;
  };

  // Starts the k-th call on schedule, start_ + k / rate, with at most `slots` in flight.
  void Pace(int slots) {
    const absl::Duration interval = absl::Seconds(1 / options_.rate);
    for (int64_t k = 0;; ++k) {
      const absl::Time due = start_ + interval * k;
      if (due >= end_) break;
      {
        std::unique_lock<std::mutex> lock(mu_);
        ended_.wait(lock, [&] { return in_flight_ < slots; });
        ++in_flight_;
      }
      absl::SleepFor(due - absl::Now());
      Issue(static_cast<int>(k % options_.connections));
    }
  }

  const grpc::ByteBuffer& NextBody() {
    const uint64_t k = next_body_.fetch_add(1, std::memory_order_relaxed);
    if (!options_.random_order) return bodies_[k % bodies_.size()];
    // A fixed pseudo-random sequence, the same on every run (SplitMix64 of the call number).
    uint64_t x = k + 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return bodies_[(x ^ (x >> 31)) % bodies_.size()];
  }

  void Issue(int connection) {
    auto* call = new Call;
    call->request = NextBody();  // shares the body's slices, copies no bytes
    call->start = absl::Now();
    call->context.set_deadline(absl::ToChronoTime(call->start + kCallDeadline));
    stubs_[connection]->UnaryCall(&call->context, options_.method, grpc::StubOptions(),
                                  &call->request, &call->response,
                                  [this, call, connection](const grpc::Status& status) {
                                    Done(std::unique_ptr<Call>(call), status, connection);
                                  });
  }

  void Done(std::unique_ptr<Call> call, const grpc::Status& status, int connection) {
    const absl::Time now = absl::Now();
    bool again;
    {
      std::lock_guard<std::mutex> lock(mu_);
      const auto code = static_cast<size_t>(status.error_code());
      ++result_.codes[code < kCodeNames.size() ? kCodeNames[code] : "UNKNOWN"];
      if (call->start >= measure_from_ && call->start < end_) {
        result_.latencies_ms.push_back(absl::ToDoubleMilliseconds(now - call->start));
      }
      if (now >= measure_from_ && now < end_) ++result_.measured;
      again = options_.rate <= 0 && now < end_;
      if (!again) --in_flight_;
    }
    call.reset();
    if (again) {
      Issue(connection);
    } else {
      ended_.notify_all();
    }
  }

  const LoadOptions& options_;
  const std::vector<grpc::ByteBuffer>& bodies_;
  std::vector<std::shared_ptr<grpc::Channel>> channels_;
  std::vector<std::unique_ptr<grpc::GenericStub>> stubs_;
  std::atomic<uint64_t> next_body_{0};
  absl::Time start_, measure_from_, end_;
  std::mutex mu_;
  std::condition_variable ended_;
  int in_flight_ = 0;
  LoadResult result_;
};

}  // namespace

absl::StatusOr<LoadResult> RunLoad(const LoadOptions& options,
                                   const std::vector<grpc::ByteBuffer>& bodies) {
  LoadRun run(options, bodies);
  if (!run.Connect()) {
    return absl::UnavailableError(absl::StrCat("cannot connect to ", options.target));
  }
  return run.Run();
}

}  // namespace culturetrade::bench
