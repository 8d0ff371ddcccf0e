#include "bench/rpc/grpc_load.h"

#include <grpcpp/client_context.h>
#include <grpcpp/completion_queue.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/channel_arguments.h>
#include <grpcpp/support/status.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
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

  ~LoadRun() {
    cq_.Shutdown();
    void* tag;
    bool ok;
    while (cq_.Next(&tag, &ok)) {
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
    const absl::Duration interval =
        options_.rate > 0 ? absl::Seconds(1 / options_.rate) : absl::ZeroDuration();
    // Unpaced, every slot starts at once and each ended call starts the next; paced, the k-th
    // call starts at start_ + k * interval, or as soon as a slot is free after that. One thread
    // polls and starts calls, as h2load does: no hand-off between threads per call.
    int64_t started = 0;
    int in_flight = 0;
    auto due = [&] { return start_ + interval * started; };
    for (;;) {
      absl::Time now = absl::Now();
      while (now < end_ && in_flight < slots && due() <= now) {
        Issue(static_cast<int>(started++ % options_.connections));
        ++in_flight;
      }
      if (in_flight == 0 && now >= end_) break;
      // Sleeps in the poller until a call ends or, paced with a slot free, the next is due.
      void* tag = nullptr;
      bool ok = false;
      if (now >= end_ || in_flight == slots) {
        cq_.Next(&tag, &ok);
      } else if (cq_.AsyncNext(&tag, &ok, absl::ToChronoTime(std::min(due(), end_))) !=
                 grpc::CompletionQueue::GOT_EVENT) {
        continue;
      }
      Done(std::unique_ptr<Call>(static_cast<Call*>(tag)));
      --in_flight;
    }
    std::sort(result_.latencies_ms.begin(), result_.latencies_ms.end());
    result_.seconds = absl::ToDoubleSeconds(options_.duration);
    return std::move(result_);
  }

 private:
  struct Call {
    grpc::ClientContext context;
    std::unique_ptr<grpc::GenericClientAsyncResponseReader> reader;
    grpc::ByteBuffer response;
    grpc::Status status;
    absl::Time start;
  };

  const grpc::ByteBuffer& NextBody() {
    const uint64_t k = next_body_++;
    if (!options_.random_order) return bodies_[k % bodies_.size()];
    // A fixed pseudo-random sequence, the same on every run (SplitMix64 of the call number).
    uint64_t x = k + 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return bodies_[(x ^ (x >> 31)) % bodies_.size()];
  }

  void Issue(int connection) {
    auto* call = new Call;
    call->start = absl::Now();
    call->context.set_deadline(absl::ToChronoTime(call->start + kCallDeadline));
    // The request shares the body's slices: no bytes are copied.
    call->reader =
        stubs_[connection]->PrepareUnaryCall(&call->context, options_.method, NextBody(), &cq_);
    call->reader->StartCall();
    call->reader->Finish(&call->response, &call->status, call);
  }

  void Done(std::unique_ptr<Call> call) {
    const absl::Time now = absl::Now();
    const auto code = static_cast<size_t>(call->status.error_code());
    ++result_.codes[code < kCodeNames.size() ? kCodeNames[code] : "UNKNOWN"];
    if (call->start >= measure_from_ && call->start < end_) {
      result_.latencies_ms.push_back(absl::ToDoubleMilliseconds(now - call->start));
    }
    if (now >= measure_from_ && now < end_) ++result_.measured;
  }

  const LoadOptions& options_;
  const std::vector<grpc::ByteBuffer>& bodies_;
  std::vector<std::shared_ptr<grpc::Channel>> channels_;
  std::vector<std::unique_ptr<grpc::GenericStub>> stubs_;
  grpc::CompletionQueue cq_;
  uint64_t next_body_ = 0;
  absl::Time start_, measure_from_, end_;
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
