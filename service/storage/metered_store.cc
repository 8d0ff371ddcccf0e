#include "service/storage/metered_store.h"

#include <utility>

#include "absl/time/clock.h"

namespace culturetrade {
namespace {

template <typename F>
auto Timed(StoreOperationSink& metrics, const char* operation, F&& f) -> decltype(f()) {
  const absl::Time start = absl::Now();
  auto result = f();
  metrics.StoreOperation(operation, absl::ToDoubleSeconds(absl::Now() - start));
  return result;
}

class MeteredWriter : public DatasetWriter {
 public:
  MeteredWriter(std::unique_ptr<DatasetWriter> inner, StoreOperationSink& metrics)
      : inner_(std::move(inner)), metrics_(metrics) {}
  absl::Status Write(const FlowBlock& block) override {
    return Timed(metrics_, "write_block", [&] { return inner_->Write(block); });
  }
  absl::StatusOr<DatasetRecord> Commit() override {
    return Timed(metrics_, "commit", [&] { return inner_->Commit(); });
  }

 private:
  const std::unique_ptr<DatasetWriter> inner_;
  StoreOperationSink& metrics_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<DatasetWriter>> MeteredStore::Metered(
    absl::StatusOr<std::unique_ptr<DatasetWriter>> writer) {
  if (!writer.ok()) return writer;
  return std::make_unique<MeteredWriter>(*std::move(writer), metrics_);
}

absl::StatusOr<std::unique_ptr<DatasetWriter>> MeteredStore::Create(NewDataset dataset) {
  return Metered(Timed(metrics_, "create", [&] { return inner_.Create(std::move(dataset)); }));
}

absl::StatusOr<std::unique_ptr<DatasetWriter>> MeteredStore::Append(const std::string& id,
                                                                    const std::string& etag) {
  return Metered(Timed(metrics_, "append", [&] { return inner_.Append(id, etag); }));
}

absl::StatusOr<DatasetRecord> MeteredStore::Get(const std::string& id) {
  return Timed(metrics_, "get", [&] { return inner_.Get(id); });
}

absl::StatusOr<DatasetRecord> MeteredStore::ReadBlocks(
    const std::string& id, const BlockFilter& filter,
    absl::FunctionRef<absl::Status(FlowBlock)> visit, const CallLiveness& alive) {
  return Timed(metrics_, "read_blocks",
               [&] { return inner_.ReadBlocks(id, filter, visit, alive); });
}

absl::StatusOr<BlockCount> MeteredStore::CountBlocks(const std::string& id,
                                                     const BlockFilter& filter) {
  return Timed(metrics_, "count_blocks", [&] { return inner_.CountBlocks(id, filter); });
}

absl::StatusOr<DatasetPage> MeteredStore::List(int page_size, const std::string& after_id) {
  return Timed(metrics_, "list", [&] { return inner_.List(page_size, after_id); });
}

absl::Status MeteredStore::Delete(const std::string& id, const std::string& etag) {
  return Timed(metrics_, "delete", [&] { return inner_.Delete(id, etag); });
}

}  // namespace culturetrade
