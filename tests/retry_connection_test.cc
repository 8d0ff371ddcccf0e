// RetryConnection over a mock Stub and a fake clock: the retry, backoff, idempotency and
// deadline rules, with no server and no real sleeping.
#include "client/internal/retry_connection.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vector>

#include "client/internal/mock_stub.h"

namespace culturetrade {
namespace internal {
namespace {

using ::testing::_;
using ::testing::Return;

const absl::Time kStart = absl::FromUnixSeconds(1'700'000'000);

// Pauses exactly `pause` each time: keeps the deadline arithmetic exact.
class FixedBackoffPolicy : public BackoffPolicy {
 public:
  explicit FixedBackoffPolicy(absl::Duration pause) : pause_(pause) {}
  std::unique_ptr<BackoffPolicy> Clone() const override {
    return std::make_unique<FixedBackoffPolicy>(pause_);
  }
  absl::Duration OnCompletion() override { return pause_; }

 private:
  absl::Duration pause_;
};

class RetryConnectionTest : public ::testing::Test {
 protected:
  RetryConnection Connect(const Options& options) {
    Clock clock;
    clock.now = [this] { return now_; };
    clock.sleep = [this](absl::Duration d) {
      pauses_.push_back(d);
      now_ += d;
    };
    return RetryConnection(stub_, options, clock);
  }
  absl::Time Deadline(const grpc::ClientContext& context) const {
    return absl::FromChrono(context.deadline());
  }

  std::shared_ptr<MockStub> stub_ = std::make_shared<MockStub>();
  absl::Time now_ = kStart;
  std::vector<absl::Duration> pauses_;
};

TEST_F(RetryConnectionTest, ReadsAreRetriedOnUnavailableUntilTheyWork) {
  v1::Dataset dataset;
  dataset.set_name("datasets/a");
  EXPECT_CALL(*stub_, GetDataset(_, _))
      .WillOnce(Return(absl::UnavailableError("warming up")))
      .WillOnce(Return(absl::UnavailableError("warming up")))
      .WillOnce(Return(dataset));
  absl::StatusOr<v1::Dataset> d = Connect(Options()).GetDataset(v1::GetDatasetRequest());
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->name(), "datasets/a");
  EXPECT_EQ(pauses_.size(), 2u);
}

TEST_F(RetryConnectionTest, TheRetryOptionsBoundTheAttempts) {
  Options options;
  options.retry.max_attempts = 3;
  EXPECT_CALL(*stub_, AnalyzeBalance(_, _))
      .Times(3)
      .WillRepeatedly(Return(absl::UnavailableError("down")));
  EXPECT_EQ(Connect(options).AnalyzeBalance({}).status().code(), absl::StatusCode::kUnavailable);
}

TEST_F(RetryConnectionTest, ARetryPolicyOptionReplacesTheRetryOptions) {
  Options options;
  options.retry.max_attempts = 100;
  options.retry_policy = std::make_shared<LimitedErrorCountRetryPolicy>(1);
  EXPECT_CALL(*stub_, ListDatasets(_, _))
      .Times(2)
      .WillRepeatedly(Return(absl::UnavailableError("down")));
  EXPECT_EQ(Connect(options).ListDatasets({}).status().code(), absl::StatusCode::kUnavailable);
}

TEST_F(RetryConnectionTest, NonIdempotentCallsAreNeverRetried) {
  EXPECT_CALL(*stub_, CreateDataset(_, _)).WillOnce(Return(absl::UnavailableError("down")));
  EXPECT_CALL(*stub_, DeleteDataset(_, _)).WillOnce(Return(absl::UnavailableError("down")));
  RetryConnection connection = Connect(Options());
  EXPECT_EQ(connection.CreateDataset({}).status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(connection.DeleteDataset({}).code(), absl::StatusCode::kUnavailable);
  EXPECT_TRUE(pauses_.empty());
}

// Takes every block of `blocks` as a stub that writes them all would, counting them.
int Drain(FlowBlockSource& blocks) {
  v1::FlowBlock block;
  int n = 0;
  while (*blocks.Next(block)) ++n;
  return n;
}

// UNAVAILABLE before any flow was sent or after all were: an upload is tried once either way,
// since the server may have stored it.
TEST_F(RetryConnectionTest, UploadsAreNotRetriedWhereverTheyFail) {
  std::vector<v1::TradeFlow> flows(5);
  for (v1::TradeFlow& f : flows) f.set_direction(v1::FLOW_DIRECTION_EXPORT);
  Options options;
  options.upload_chunk_flows = 2;
  std::vector<int64_t> progress;
  options.upload_progress = [&](int64_t sent, int64_t) { progress.push_back(sent); };
  EXPECT_CALL(*stub_, UploadFlows(_, _, _))
      .WillOnce(Return(absl::UnavailableError("no connection")))
      .WillOnce([](grpc::ClientContext&, const v1::UploadFlowsHeader&,
                   FlowBlockSource& blocks) -> absl::StatusOr<v1::Dataset> {
        EXPECT_EQ(Drain(blocks), 3);
        return absl::UnavailableError("connection lost before the reply");
      });
  RetryConnection connection = Connect(options);
  EXPECT_EQ(connection.UploadFlows({}, flows).status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(connection.UploadFlows({}, flows).status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(progress, (std::vector<int64_t>{2, 4, 5}));
  EXPECT_TRUE(pauses_.empty());
}

// Blocks numbered by their year, 1 to `count`; counts how often it was opened.
struct CountingBlocks {
  FlowBlockSourceFactory Factory() {
    return [this]() -> absl::StatusOr<std::unique_ptr<FlowBlockSource>> {
      ++opened;
      if (reopen_fails && opened > 1) return absl::FailedPreconditionError("cannot reopen");
      struct Source : FlowBlockSource {
        explicit Source(int n) : count(n) {}
        absl::StatusOr<bool> Next(v1::FlowBlock& block) override {
          if (next > count) return false;
          block.Clear();
          block.add_year(next++);
          return true;
        }
        int count, next = 1;
      };
      return std::make_unique<Source>(count);
    };
  }
  int count = 3;
  int opened = 0;
  bool reopen_fails = false;
};

// The years of the blocks of `blocks`, in order.
std::vector<int> Years(FlowBlockSource& blocks) {
  std::vector<int> years;
  v1::FlowBlock block;
  while (*blocks.Next(block)) years.push_back(block.year(0));
  return years;
}

struct RetryUploads : IdempotencyPolicy {
  Idempotency UploadFlows(const v1::UploadFlowsHeader&) const override {
    return Idempotency::kIdempotent;
  }
};

TEST_F(RetryConnectionTest, BlockUploadsAreNotRetriedByDefault) {
  CountingBlocks blocks;
  EXPECT_CALL(*stub_, UploadFlows(_, _, _)).WillOnce(Return(absl::UnavailableError("down")));
  EXPECT_EQ(Connect(Options()).UploadBlocks({}, blocks.Factory()).status().code(),
            absl::StatusCode::kUnavailable);
  EXPECT_EQ(blocks.opened, 1);
}

TEST_F(RetryConnectionTest, ARetriedBlockUploadSendsEveryBlockAgainFromAFreshSource) {
  Options options;
  options.idempotency_policy = std::make_shared<RetryUploads>();
  CountingBlocks blocks;
  v1::UploadFlowsHeader header;
  header.set_dataset("datasets/a");
  EXPECT_CALL(*stub_, UploadFlows(_, _, _))
      .WillOnce([](grpc::ClientContext&, const v1::UploadFlowsHeader&,
                   FlowBlockSource& source) -> absl::StatusOr<v1::Dataset> {
        v1::FlowBlock block;
        EXPECT_TRUE(*source.Next(block));  // one block out, then the connection drops
        return absl::UnavailableError("connection lost");
      })
      .WillOnce([](grpc::ClientContext&, const v1::UploadFlowsHeader& h,
                   FlowBlockSource& source) -> absl::StatusOr<v1::Dataset> {
        EXPECT_EQ(h.dataset(), "datasets/a");
        EXPECT_EQ(Years(source), (std::vector<int>{1, 2, 3}));
        v1::Dataset d;
        d.set_flow_count(3);
        return d;
      });
  absl::StatusOr<v1::Dataset> d = Connect(options).UploadBlocks(header, blocks.Factory());
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->flow_count(), 3);
  EXPECT_EQ(blocks.opened, 2);
  EXPECT_EQ(pauses_.size(), 1u);
}

TEST_F(RetryConnectionTest, ASourceThatCannotBeReopenedEndsTheRetries) {
  Options options;
  options.idempotency_policy = std::make_shared<RetryUploads>();
  CountingBlocks blocks;
  blocks.reopen_fails = true;
  EXPECT_CALL(*stub_, UploadFlows(_, _, _)).WillOnce(Return(absl::UnavailableError("down")));
  const absl::Status s = Connect(options).UploadBlocks({}, blocks.Factory()).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.message(), "cannot reopen");
  EXPECT_EQ(blocks.opened, 2);
}

// A stub's ReadFlows that sends a block of each of `years`, at etag "e1", then ends with `end`.
auto SendBlocks(const std::vector<int>& years, const absl::Status& end) {
  return [years, end](grpc::ClientContext&, const v1::ReadFlowsRequest&,
                      absl::FunctionRef<absl::Status(const v1::ReadFlowsResponse&)> on_message) {
    for (int year : years) {
      v1::ReadFlowsResponse message;
      message.set_etag("e1");
      message.mutable_block()->add_year(year);
      if (absl::Status s = on_message(message); !s.ok()) return s;
    }
    return end;
  };
}

TEST_F(RetryConnectionTest, AReadIsRetriedWhileNoBlockWasDelivered) {
  EXPECT_CALL(*stub_, ReadFlows(_, _, _))
      .WillOnce(SendBlocks({}, absl::UnavailableError("warming up")))
      .WillOnce(SendBlocks({2020, 2021}, absl::OkStatus()));
  std::vector<int> years;
  absl::StatusOr<std::string> etag =
      Connect(Options()).ReadFlows({}, [&](const v1::FlowBlock& block) {
        years.push_back(block.year(0));
        return absl::OkStatus();
      });
  ASSERT_TRUE(etag.ok()) << etag.status();
  EXPECT_EQ(*etag, "e1");
  EXPECT_EQ(years, (std::vector<int>{2020, 2021}));
  EXPECT_EQ(pauses_.size(), 1u);
}

TEST_F(RetryConnectionTest, AReadIsNotRetriedOnceABlockWasDelivered) {
  EXPECT_CALL(*stub_, ReadFlows(_, _, _))
      .WillOnce(SendBlocks({2020}, absl::UnavailableError("connection lost")));
  int blocks = 0;
  absl::StatusOr<std::string> etag = Connect(Options()).ReadFlows({}, [&](const v1::FlowBlock&) {
    ++blocks;
    return absl::OkStatus();
  });
  EXPECT_EQ(etag.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(blocks, 1);
  EXPECT_TRUE(pauses_.empty());
}

TEST_F(RetryConnectionTest, AReadEndsWithTheErrorOfItsVisitor) {
  EXPECT_CALL(*stub_, ReadFlows(_, _, _))
      .WillOnce(SendBlocks({2020, 2021, 2022}, absl::OkStatus()));
  int blocks = 0;
  absl::StatusOr<std::string> etag = Connect(Options()).ReadFlows({}, [&](const v1::FlowBlock&) {
    return ++blocks == 2 ? absl::UnavailableError("disk full") : absl::OkStatus();
  });
  EXPECT_EQ(etag.status().message(), "disk full");
  EXPECT_EQ(blocks, 2);
  EXPECT_TRUE(pauses_.empty());
}

TEST_F(RetryConnectionTest, AnIdempotencyPolicyMayAllowRetriedWrites) {
  struct RetryCreates : IdempotencyPolicy {
    Idempotency CreateDataset(const v1::CreateDatasetRequest&) const override {
      return Idempotency::kIdempotent;
    }
  };
  Options options;
  options.idempotency_policy = std::make_shared<RetryCreates>();
  EXPECT_CALL(*stub_, CreateDataset(_, _))
      .WillOnce(Return(absl::UnavailableError("down")))
      .WillOnce(Return(v1::Dataset()));
  EXPECT_TRUE(Connect(options).CreateDataset({}).ok());
}

TEST_F(RetryConnectionTest, OtherCodesReturnAtOnce) {
  EXPECT_CALL(*stub_, GetDataset(_, _)).WillOnce(Return(absl::NotFoundError("no such dataset")));
  EXPECT_EQ(Connect(Options()).GetDataset({}).status().code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(pauses_.empty());
}

TEST_F(RetryConnectionTest, RetriesStopAtTheDeadline) {
  Options options;
  options.timeout = absl::Seconds(1);
  options.retry.max_attempts = 1'000'000;
  options.backoff_policy = std::make_shared<FixedBackoffPolicy>(absl::Milliseconds(300));
  // Attempts at 0, 300, 600 and 900 ms: a fifth could not start before the deadline.
  EXPECT_CALL(*stub_, GetDataset(_, _))
      .Times(4)
      .WillRepeatedly([this](grpc::ClientContext& context,
                             const v1::GetDatasetRequest&) -> absl::StatusOr<v1::Dataset> {
        EXPECT_EQ(Deadline(context), kStart + absl::Seconds(1));
        return absl::UnavailableError("down");
      });
  EXPECT_EQ(Connect(options).GetDataset({}).status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(now_, kStart + absl::Milliseconds(900));
}

TEST_F(RetryConnectionTest, AScopedTimeoutOverridesTheDeadline) {
  EXPECT_CALL(*stub_, GetDataset(_, _))
      .WillOnce([this](grpc::ClientContext& context, const v1::GetDatasetRequest&) {
        EXPECT_EQ(Deadline(context), kStart + absl::Milliseconds(50));
        return v1::Dataset();
      })
      .WillOnce([this](grpc::ClientContext& context, const v1::GetDatasetRequest&) {
        EXPECT_EQ(Deadline(context), kStart + absl::Seconds(30));
        return v1::Dataset();
      });
  RetryConnection connection = Connect(Options());
  {
    ScopedTimeout quick(absl::Milliseconds(50));
    EXPECT_TRUE(connection.GetDataset({}).ok());
  }
  EXPECT_TRUE(connection.GetDataset({}).ok());
}

TEST_F(RetryConnectionTest, BackoffGrowsAndIsBounded) {
  Options options;
  options.retry.max_attempts = 8;
  options.retry.initial_backoff = absl::Milliseconds(10);
  options.retry.max_backoff = absl::Milliseconds(40);
  options.retry.multiplier = 2.0;
  EXPECT_CALL(*stub_, GetDataset(_, _))
      .Times(8)
      .WillRepeatedly(Return(absl::UnavailableError("down")));
  (void)Connect(options).GetDataset({});
  const std::vector<absl::Duration> bounds = {absl::Milliseconds(10), absl::Milliseconds(20),
                                              absl::Milliseconds(40), absl::Milliseconds(40),
                                              absl::Milliseconds(40), absl::Milliseconds(40),
                                              absl::Milliseconds(40)};
  ASSERT_EQ(pauses_.size(), bounds.size());
  for (size_t i = 0; i < bounds.size(); ++i) {
    EXPECT_GE(pauses_[i], absl::ZeroDuration());
    EXPECT_LE(pauses_[i], bounds[i]) << i;
  }
}

}  // namespace
}  // namespace internal
}  // namespace culturetrade
