// culturetrade-bench-echo: the RPC benchmark's baseline, a gRPC server built from the same
// libraries and with the same server settings as culturetrade-server (sync server, health
// service, reflection, message limit), whose one method returns its request. Whatever the real
// server does beyond this is the cost of culturetrade itself.
//
//   culturetrade-bench-echo --address=127.0.0.1:0     prints "port N" once serving
#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>

#include <iostream>
#include <memory>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "echo.grpc.pb.h"

ABSL_FLAG(std::string, address, "127.0.0.1:0", "host:port to listen on; port 0 picks one");
ABSL_FLAG(int, max_message_bytes, 4 << 20, "largest request message, as the real server's");

namespace {

class EchoService final : public culturetrade::bench::Echo::Service {
  grpc::Status Echo(grpc::ServerContext*, const culturetrade::bench::Opaque* request,
                    culturetrade::bench::Opaque* response) override {
    *response = *request;
    return grpc::Status::OK;
  }
};

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  EchoService service;
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(absl::GetFlag(FLAGS_address), grpc::InsecureServerCredentials(), &port);
  builder.SetMaxReceiveMessageSize(absl::GetFlag(FLAGS_max_message_bytes));
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    std::cerr << "culturetrade-bench-echo: cannot listen on " << absl::GetFlag(FLAGS_address)
              << "\n";
    return 1;
  }
  std::cout << "port " << port << std::endl;
  server->Wait();
  return 0;
}
