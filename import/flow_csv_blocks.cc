#include "import/flow_csv_blocks.h"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "core/flow_block_builder.h"
#include "import/csv_batches.h"
#include "import/csv_table.h"
#include "import/ordered_batch_pool.h"
#include "import/plain_flow_rows.h"
#include "proto/flow_block_convert.h"

namespace culturetrade::import {
namespace {

// The records of a batch are worth a thread's while: small blocks come several to a batch.
constexpr int kMinRecordsPerBatch = 1024;

// Records per batch: whole blocks' worth, so that blocks come out full when every record is a
// flow, and blocks are cut at the same flows whatever the number of threads.
int RecordsPerBatch(int flows_per_block) {
  return flows_per_block * std::max(1, kMinRecordsPerBatch / flows_per_block);
}

int ThreadCount(int threads) {
  if (threads > 0) return threads;
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

// The rows of a batch as blocks: how many were read and skipped, and the error that ended them.
struct FlowBatch {
  std::vector<v1::FlowBlock> blocks;
  CsvReport rows;
  absl::Status status;
  int64_t end = 0;  // of the batch in the stream
};

// Flows gathered into blocks of at most `per_block`, in order: the flows of rows, and those
// that `plain` (if not null) reads from plain records.
class BlockCutter {
 public:
  BlockCutter(int per_block, PlainFlowRows* plain) : per_block_(per_block), plain_(plain) {
    if (plain_ != nullptr) plain_->NewBlock();
  }
  // Cannot fail for the flows the layouts make, whose values and directions are valid.
  absl::Status Add(const std::vector<v1::TradeFlow>& flows) {
    for (const v1::TradeFlow& flow : flows) {
      if (absl::Status s = AddTradeFlow(flow, builder_); !s.ok()) return s;
      if (builder_.size() == per_block_) Cut();
    }
    return absl::OkStatus();
  }
  // Whether the plain record of `cells` was read (its one flow added).
  bool AddPlain(const std::vector<absl::string_view>& cells) {
    if (plain_ == nullptr || !plain_->Add(cells, builder_)) return false;
    if (builder_.size() == per_block_) Cut();
    return true;
  }
  // The blocks so far, the last one cut short.
  std::vector<v1::FlowBlock> Finish() {
    if (builder_.size() > 0) Cut();
    return std::move(blocks_);
  }

 private:
  void Cut() {
    blocks_.push_back(BlockToProto(builder_.Take()));
    if (plain_ != nullptr) plain_->NewBlock();
  }

  const size_t per_block_;
  PlainFlowRows* const plain_;
  FlowBlockBuilder builder_;
  std::vector<v1::FlowBlock> blocks_;
};

class ParallelFlowCsvBlocks final : public FlowCsvBlocks {
 public:
  ParallelFlowCsvBlocks(std::unique_ptr<CsvBatches> batches, FlowTable table, CsvReport report,
                        BlockReadOptions options)
      : batches_(std::move(batches)),
        table_(std::move(table)),
        report_(std::move(report)),
        options_(options),
        bytes_read_(batches_->end()),
        // A batch a thread, and one more done while the one before it is handed out.
        pool_(
            ThreadCount(options.threads), ThreadCount(options.threads) + 1,
            [this](CsvBatch& batch) {
              return batches_->Next(RecordsPerBatch(options_.flows_per_block), batch);
            },
            [this](const CsvBatch& batch) { return Read(batch); }) {}

  absl::StatusOr<bool> Next(v1::FlowBlock& block) override {
    while (blocks_.empty()) {
      if (!status_.ok()) return status_;
      if (ended_) return false;
      TakeBatch();
    }
    block = std::move(blocks_.front());
    blocks_.pop_front();
    return true;
  }

  const CsvReport& report() const override { return report_; }
  int64_t bytes_read() const override { return bytes_read_.load(); }

 private:
  // On a pool thread.
  FlowBatch Read(const CsvBatch& batch) const {
    FlowBatch out;
    out.end = batch.end;
    std::unique_ptr<PlainFlowRows> plain = TakePlainRows();
    BlockCutter cutter(options_.flows_per_block, plain.get());
    const auto take = [&cutter](const std::vector<v1::TradeFlow>& flows) {
      return cutter.Add(flows);
    };
    const auto take_plain = [&cutter](const std::vector<absl::string_view>& cells) {
      return cutter.AddPlain(cells);
    };
    out.status = table_.ReadBatch(batch, out.rows, take, take_plain);
    out.blocks = cutter.Finish();
    if (plain) GiveBack(std::move(plain));
    return out;
  }

  // Plain rows that remember the cells of the batches read before, so that a code is read
  // once a file rather than once a batch; a thread's at a time.
  std::unique_ptr<PlainFlowRows> TakePlainRows() const {
    {
      std::lock_guard<std::mutex> lock(plain_mutex_);
      if (!idle_plain_.empty()) {
        std::unique_ptr<PlainFlowRows> plain = std::move(idle_plain_.back());
        idle_plain_.pop_back();
        return plain;
      }
    }
    return table_.reader().PlainRows();
  }
  void GiveBack(std::unique_ptr<PlainFlowRows> plain) const {
    std::lock_guard<std::mutex> lock(plain_mutex_);
    idle_plain_.push_back(std::move(plain));
  }

  // The blocks of the next batch, or the end of the file, or the error that ends the read.
  void TakeBatch() {
    FlowBatch batch;
    if (!pool_.Next(batch)) {
      ended_ = true;
      status_ = table_.Finish(report_);
      return;
    }
    bytes_read_ = batch.end;
    if (!batch.status.ok()) {
      status_ = batch.status;
      pool_.Stop();
      return;
    }
    AddRowCounts(batch.rows, report_);
    for (v1::FlowBlock& block : batch.blocks) blocks_.push_back(std::move(block));
  }

  std::unique_ptr<CsvBatches> batches_;
  const FlowTable table_;
  CsvReport report_;
  const BlockReadOptions options_;
  std::atomic<int64_t> bytes_read_;
  std::deque<v1::FlowBlock> blocks_;  // of the batch taken last, not handed out yet
  absl::Status status_;
  bool ended_ = false;
  mutable std::mutex plain_mutex_;
  mutable std::vector<std::unique_ptr<PlainFlowRows>> idle_plain_;  // of batches read
  // Last, so that its threads stop before what they use goes.
  OrderedBatchPool<FlowBatch> pool_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<FlowCsvBlocks>> FlowCsvBlocks::Open(std::istream& in,
                                                                   const FlowCsvDefaults& defaults,
                                                                   BlockReadOptions options) {
  if (options.flows_per_block < 1 || options.threads < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("flows_per_block ", options.flows_per_block, ", threads ", options.threads,
                     ": a block holds 1 flow or more, and threads are 1 or more (0: one a core)"));
  }
  auto batches = std::make_unique<CsvBatches>(in);
  CsvReport report;
  absl::StatusOr<FlowTable> table = OpenFlowTable(*batches, defaults, report);
  if (!table.ok()) return table.status();
  return std::make_unique<ParallelFlowCsvBlocks>(std::move(batches), *std::move(table),
                                                 std::move(report), options);
}

}  // namespace culturetrade::import
