#include "client/internal/stub_factory.h"

#include <grpcpp/grpcpp.h>

#include "client/internal/auth_stub.h"
#include "client/internal/default_stub.h"

namespace culturetrade {
namespace internal {
namespace {

std::shared_ptr<grpc::ChannelCredentials> ChannelCredentials(const TlsOptions& tls) {
  if (!tls.enabled) return grpc::InsecureChannelCredentials();
  grpc::SslCredentialsOptions ssl;
  ssl.pem_root_certs = tls.root_ca_pem;
  ssl.pem_cert_chain = tls.client_cert_pem;
  ssl.pem_private_key = tls.client_key_pem;
  return grpc::SslCredentials(ssl);
}

grpc::ChannelArguments ChannelArguments(const Options& options) {
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

}  // namespace

std::shared_ptr<Stub> CreateDefaultStub(const Options& options) {
  std::shared_ptr<grpc::Channel> channel = grpc::CreateCustomChannel(
      options.endpoint, ChannelCredentials(options.tls), ChannelArguments(options));
  std::shared_ptr<Stub> stub = std::make_shared<DefaultStub>(v1::DatasetService::NewStub(channel),
                                                             v1::AnalysisService::NewStub(channel));
  if (options.bearer_token.empty()) return stub;
  return std::make_shared<AuthStub>(std::move(stub), options.bearer_token);
}

}  // namespace internal
}  // namespace culturetrade
