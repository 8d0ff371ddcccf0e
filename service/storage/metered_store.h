// A DatasetStore that times every operation of the store beneath it into the server's metrics.
#ifndef CULTURETRADE_SERVICE_STORAGE_METERED_STORE_H_
#define CULTURETRADE_SERVICE_STORAGE_METERED_STORE_H_

#include "absl/strings/string_view.h"
#include "service/storage/dataset_store.h"

namespace culturetrade {

// Where the timings go: the server's metrics, or a test's recorder.
class StoreOperationSink {
 public:
  virtual ~StoreOperationSink() = default;
  virtual void StoreOperation(absl::string_view operation, double seconds) = 0;
};

class MeteredStore : public DatasetStore {
 public:
  MeteredStore(DatasetStore& inner, StoreOperationSink& metrics)
      : inner_(inner), metrics_(metrics) {}

  absl::StatusOr<v1::Dataset> Create(const std::string& id, const v1::Dataset& dataset) override;
  absl::StatusOr<v1::Dataset> Get(const std::string& id, bool with_flows,
                                  const CallLiveness& alive) override;
  absl::StatusOr<DatasetPage> List(int page_size, const std::string& after_id) override;
  absl::Status Delete(const std::string& id, const std::string& etag) override;
  absl::StatusOr<v1::Dataset> AppendFlows(
      const std::string& id, const std::string& etag,
      const google::protobuf::RepeatedPtrField<v1::TradeFlow>& flows) override;
  bool created_now() const override { return inner_.created_now(); }

 private:
  template <typename F>
  auto Timed(const char* operation, F&& f) -> decltype(f());

  DatasetStore& inner_;
  StoreOperationSink& metrics_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_STORAGE_METERED_STORE_H_
