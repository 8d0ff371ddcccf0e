#include <grpcpp/grpcpp.h>

#include <random>

#include "absl/time/clock.h"
#include "client/connection.h"
#include "culturetrade/v1/analysis_service.grpc.pb.h"
#include "culturetrade/v1/dataset_service.grpc.pb.h"
#include "proto/status_convert.h"

namespace culturetrade {
namespace {

class GrpcConnection : public Connection {
 public:
  explicit GrpcConnection(const Options& options)
      : options_(options),
        channel_(grpc::CreateCustomChannel(options.endpoint, ChannelCredentials(options.tls),
                                           ChannelArguments(options))),
        datasets_(v1::DatasetService::NewStub(channel_)),
        analysis_(v1::AnalysisService::NewStub(channel_)) {}

  absl::StatusOr<v1::Dataset> CreateDataset(const v1::CreateDatasetRequest& request) override {
    return Call<v1::Dataset>(false, [&](grpc::ClientContext* c, v1::Dataset* r) {
      return datasets_->CreateDataset(c, request, r);
    });
  }
  absl::StatusOr<v1::Dataset> GetDataset(const v1::GetDatasetRequest& request) override {
    return Call<v1::Dataset>(true, [&](grpc::ClientContext* c, v1::Dataset* r) {
      return datasets_->GetDataset(c, request, r);
    });
  }
  absl::StatusOr<v1::ListDatasetsResponse> ListDatasets(
      const v1::ListDatasetsRequest& request) override {
    return Call<v1::ListDatasetsResponse>(
        true, [&](grpc::ClientContext* c, v1::ListDatasetsResponse* r) {
          return datasets_->ListDatasets(c, request, r);
        });
  }
  absl::Status DeleteDataset(const v1::DeleteDatasetRequest& request) override {
    return Call<google::protobuf::Empty>(false, [&](grpc::ClientContext* c,
                                                    google::protobuf::Empty* r) {
             return datasets_->DeleteDataset(c, request, r);
           })
        .status();
  }
  absl::StatusOr<v1::Dataset> UploadFlows(const v1::UploadFlowsHeader& header,
                                          absl::Span<const v1::TradeFlow> flows) override {
    return Call<v1::Dataset>(false, [&](grpc::ClientContext* c, v1::Dataset* r) {
      return Upload(c, header, flows, r);
    });
  }
  // Analyses only read: all are safe to retry.
  absl::StatusOr<v1::AnalyzeBalanceResponse> AnalyzeBalance(
      const v1::AnalyzeBalanceRequest& request) override {
    return Analyze(&v1::AnalysisService::Stub::AnalyzeBalance, request);
  }
  absl::StatusOr<v1::AnalyzeGrowthResponse> AnalyzeGrowth(const v1::AnalyzeGrowthRequest& request) override {
    return Analyze(&v1::AnalysisService::Stub::AnalyzeGrowth, request);
  }
  absl::StatusOr<v1::CompareExportersResponse> CompareExporters(const v1::CompareExportersRequest& request) override {
    return Analyze(&v1::AnalysisService::Stub::CompareExporters, request);
  }
  absl::StatusOr<v1::AnalyzeDealPricesResponse> AnalyzeDealPrices(const v1::AnalyzeDealPricesRequest& request) override {
    return Analyze(&v1::AnalysisService::Stub::AnalyzeDealPrices, request);
  }
  absl::StatusOr<v1::EstimateSpilloverResponse> EstimateSpillover(const v1::EstimateSpilloverRequest& request) override {
    return Analyze(&v1::AnalysisService::Stub::EstimateSpillover, request);
  }
  absl::StatusOr<v1::ProjectBalanceResponse> ProjectBalance(const v1::ProjectBalanceRequest& request) override {
    return Analyze(&v1::AnalysisService::Stub::ProjectBalance, request);
  }
  absl::StatusOr<v1::ComputeIndicatorsResponse> ComputeIndicators(const v1::ComputeIndicatorsRequest& request) override {
    return Analyze(&v1::AnalysisService::Stub::ComputeIndicators, request);
  }
  absl::StatusOr<v1::ReconcileMirrorResponse> ReconcileMirror(const v1::ReconcileMirrorRequest& request) override {
    return Analyze(&v1::AnalysisService::Stub::ReconcileMirror, request);
  }


 private:
  static std::shared_ptr<grpc::ChannelCredentials> ChannelCredentials(const TlsOptions& tls) {
    if (!tls.enabled) return grpc::InsecureChannelCredentials();
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = tls.root_ca_pem;
    ssl.pem_cert_chain = tls.client_cert_pem;
    ssl.pem_private_key = tls.client_key_pem;
    return grpc::SslCredentials(ssl);
  }

  static grpc::ChannelArguments ChannelArguments(const Options& options) {
    grpc::ChannelArguments args;
    args.SetUserAgentPrefix(options.user_agent);
    args.SetMaxReceiveMessageSize(options.max_receive_message_bytes);
    if (!options.tls.server_name.empty()) {
      args.SetSslTargetNameOverride(options.tls.server_name);
    }
    if (options.keepalive > absl::ZeroDuration()) {
      args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS,
                  static_cast<int>(absl::ToInt64Milliseconds(options.keepalive)));
    }
    if (!options.load_balancing_policy.empty()) {
      args.SetLoadBalancingPolicyName(options.load_balancing_policy);
    }
    return args;
  }

  grpc::Status Upload(grpc::ClientContext* context, const v1::UploadFlowsHeader& header,
                      absl::Span<const v1::TradeFlow> flows, v1::Dataset* response) {
    std::unique_ptr<grpc::ClientWriter<v1::UploadFlowsRequest>> writer =
        datasets_->UploadFlows(context, response);
    v1::UploadFlowsRequest message;
    *message.mutable_header() = header;
    bool open = writer->Write(message);
    const size_t chunk = static_cast<size_t>(std::max(1, options_.upload_chunk_flows));
    for (size_t start = 0; open && start < flows.size(); start += chunk) {
      message.Clear();
      for (const v1::TradeFlow& f : flows.subspan(start, chunk)) {
        *message.mutable_chunk()->add_flows() = f;
      }
      open = writer->Write(message);
      if (open && options_.upload_progress) {
        options_.upload_progress(static_cast<int64_t>(std::min(start + chunk, flows.size())),
                                 static_cast<int64_t>(flows.size()));
      }
    }
    writer->WritesDone();
    return writer->Finish();
  }

  template <typename Request, typename Response>
  absl::StatusOr<Response> Analyze(
      grpc::Status (v1::AnalysisService::Stub::*method)(grpc::ClientContext*, const Request&,
                                                        Response*),
      const Request& request) {
    return Call<Response>(true, [&](grpc::ClientContext* c, Response* r) {
      return (analysis_.get()->*method)(c, request, r);
    });
  }

  // Runs `rpc` under the overall deadline, retrying idempotent calls on UNAVAILABLE.
  template <typename Response, typename Rpc>
  absl::StatusOr<Response> Call(bool idempotent, Rpc rpc) {
    const absl::Time deadline = absl::Now() + ScopedTimeout::Current(options_.timeout);
    absl::Duration backoff = options_.retry.initial_backoff;
    absl::Status last;
    for (int attempt = 1;; ++attempt) {
      grpc::ClientContext context;
      context.set_deadline(absl::ToChronoTime(deadline));
      if (!options_.bearer_token.empty()) {
        context.AddMetadata("authorization", "Bearer " + options_.bearer_token);
      }
      Response response;
      last = FromGrpcStatus(rpc(&context, &response));
      if (last.ok()) return response;
      if (!idempotent || last.code() != absl::StatusCode::kUnavailable ||
          attempt >= options_.retry.max_attempts) {
        return last;
      }
      const absl::Duration sleep = Jitter(backoff);
      if (absl::Now() + sleep >= deadline) return last;
      absl::SleepFor(sleep);
      backoff = std::min(options_.retry.max_backoff, backoff * options_.retry.multiplier);
    }
  }

  // Full jitter: a uniform pause in [0, backoff] spreads retrying clients apart.
  static absl::Duration Jitter(absl::Duration backoff) {
    thread_local std::mt19937_64 rng{std::random_device{}()};
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    return backoff * unit(rng);
  }

  Options options_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::DatasetService::Stub> datasets_;
  std::unique_ptr<v1::AnalysisService::Stub> analysis_;
};

}  // namespace

std::shared_ptr<Connection> MakeConnection(const Options& options) {
  return std::make_shared<GrpcConnection>(options);
}

}  // namespace culturetrade
