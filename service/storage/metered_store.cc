#include "service/storage/metered_store.h"

#include "absl/time/clock.h"

namespace culturetrade {

template <typename F>
auto MeteredStore::Timed(const char* operation, F&& f) -> decltype(f()) {
  const absl::Time start = absl::Now();
  auto result = f();
  metrics_.StoreOperation(operation, absl::ToDoubleSeconds(absl::Now() - start));
  return result;
}

absl::StatusOr<v1::Dataset> MeteredStore::Create(const std::string& id,
                                                 const v1::Dataset& dataset) {
  return Timed("create", [&] { return inner_.Create(id, dataset); });
}

absl::StatusOr<v1::Dataset> MeteredStore::Get(const std::string& id, bool with_flows,
                                              const CallLiveness& alive) {
  return Timed(with_flows ? "get_full" : "get", [&] { return inner_.Get(id, with_flows, alive); });
}

absl::StatusOr<DatasetPage> MeteredStore::List(int page_size, const std::string& after_id) {
  return Timed("list", [&] { return inner_.List(page_size, after_id); });
}

absl::Status MeteredStore::Delete(const std::string& id, const std::string& etag) {
  return Timed("delete", [&] { return inner_.Delete(id, etag); });
}

absl::StatusOr<v1::Dataset> MeteredStore::AppendFlows(
    const std::string& id, const std::string& etag,
    const google::protobuf::RepeatedPtrField<v1::TradeFlow>& flows) {
  return Timed("append", [&] { return inner_.AppendFlows(id, etag, flows); });
}

}  // namespace culturetrade
