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

// UNAVAILABLE before any flow was sent or after all were: an upload is tried once either way,
// since the server may have stored it.
TEST_F(RetryConnectionTest, UploadsAreNotRetriedWhereverTheyFail) {
  std::vector<v1::TradeFlow> flows(5);
  Options options;
  options.upload_chunk_flows = 2;
  std::vector<int64_t> progress;
  options.upload_progress = [&](int64_t sent, int64_t) { progress.push_back(sent); };
  EXPECT_CALL(*stub_, UploadFlows(_, _, _))
      .WillOnce(Return(absl::UnavailableError("no connection")))
      .WillOnce([](grpc::ClientContext&, const v1::UploadFlowsHeader&,
                   const FlowChunks& chunks) -> absl::StatusOr<v1::Dataset> {
        for (size_t i = 0; i < chunks.size(); ++i) chunks.Sent(i);
        return absl::UnavailableError("connection lost before the reply");
      });
  RetryConnection connection = Connect(options);
  EXPECT_EQ(connection.UploadFlows({}, flows).status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(connection.UploadFlows({}, flows).status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(progress, (std::vector<int64_t>{2, 4, 5}));
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
