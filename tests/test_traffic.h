// What tests send a real server: many synthetic flows, a client that answers with the server's
// own status (it never retries), and an upload left open mid-stream.
#ifndef CULTURETRADE_TESTS_TEST_TRAFFIC_H_
#define CULTURETRADE_TESTS_TEST_TRAFFIC_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "client/client.h"
#include "culturetrade/v1/dataset_service.grpc.pb.h"

namespace culturetrade::testing {

inline constexpr int kManyFlowsPerProduct = 400;

// `n` distinct flows of CHN with KOR, kManyFlowsPerProduct a product (P0, P1, ...), exports and
// imports over 200 years.
inline std::vector<v1::TradeFlow> ManyFlows(int n) {
  std::vector<v1::TradeFlow> flows(n);
  for (int i = 0; i < n; ++i) {
    v1::TradeFlow& f = flows[i];
    f.set_reporter("CHN");
    f.set_partner("KOR");
    f.mutable_product()->set_classification(v1::CLASSIFICATION_FREE);
    f.mutable_product()->set_code(absl::StrCat("P", i / kManyFlowsPerProduct));
    f.set_direction(i % 2 == 0 ? v1::FLOW_DIRECTION_EXPORT : v1::FLOW_DIRECTION_IMPORT);
    f.mutable_period()->set_year(1901 + (i / 2) % 200);
    f.mutable_value()->set_currency_code("USD");
    f.mutable_value()->set_units(i);
  }
  return flows;
}

// The balance of product `product` in a dataset of ManyFlows.
inline v1::AnalyzeBalanceRequest ManyFlowsBalance(const std::string& dataset_id,
                                                  const std::string& product = "P7") {
  v1::AnalyzeBalanceRequest r;
  r.set_dataset("datasets/" + dataset_id);
  r.set_reporter("CHN");
  r.set_partner("KOR");
  r.set_product_code(product);
  return r;
}

// A comparison in a dataset of ManyFlows that reads every block, as ManyFlows has every year
// in each: slow work for a cold server, where a pair's balance reads only a few blocks. CHN is
// the only exporter there, so it is compared with itself.
inline v1::CompareExportersRequest ManyFlowsComparison(const std::string& dataset_id) {
  v1::CompareExportersRequest r;
  r.set_dataset("datasets/" + dataset_id);
  r.set_reporter_a("CHN");
  r.set_reporter_b("CHN");
  r.set_partner("KOR");
  r.set_product_code("P7");
  r.set_year(1950);
  return r;
}

inline Client ClientFor(const std::string& endpoint, absl::Duration timeout = absl::Seconds(30)) {
  Options o;
  o.endpoint = endpoint;
  o.timeout = timeout;
  o.retry.max_attempts = 1;
  return Client(MakeConnection(o));
}

// An upload to a new dataset `id` left open after its header and one chunk of flows.
class OpenUpload {
 public:
  OpenUpload(const std::string& endpoint, const std::string& id)
      : stub_(v1::DatasetService::NewStub(
            grpc::CreateChannel(endpoint, grpc::InsecureChannelCredentials()))),
        writer_(stub_->UploadFlows(&context_, &response_)) {
    v1::UploadFlowsRequest message;
    message.mutable_header()->mutable_create()->set_dataset_id(id);
    sent_ = writer_->Write(message);
    message.Clear();
    for (v1::TradeFlow& f : ManyFlows(1000)) *message.mutable_chunk()->add_flows() = f;
    sent_ = sent_ && writer_->Write(message);
  }
  bool sent() const { return sent_; }
  // Cancels the call as a client that goes away would; returns the status the client sees.
  grpc::StatusCode Cancel() {
    context_.TryCancel();
    return writer_->Finish().error_code();
  }

 private:
  std::unique_ptr<v1::DatasetService::Stub> stub_;
  grpc::ClientContext context_;
  v1::Dataset response_;
  std::unique_ptr<grpc::ClientWriter<v1::UploadFlowsRequest>> writer_;
  bool sent_ = false;
};

}  // namespace culturetrade::testing

#endif  // CULTURETRADE_TESTS_TEST_TRAFFIC_H_
