// culturetrade-grpc-frame: writes one gRPC request body (the 5-byte frame header and the
// serialized message) for load tools such as h2load that post a fixed body.
//
//   culturetrade-grpc-frame culturetrade.v1.AnalyzeBalanceRequest \
//     'dataset: "datasets/china-korea-tv-dramas" reporter: "CHN" partner: "KOR" product_code:
//     "TV_DRAMAS"' > body
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>

#include "culturetrade/v1/analysis_service.pb.h"
#include "culturetrade/v1/dataset_service.pb.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/dynamic_message.h"
#include "google/protobuf/text_format.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: culturetrade-grpc-frame MESSAGE_TYPE TEXT_PROTO > body\n";
    return 2;
  }
  // Name the generated files so that the linker keeps them and their types register.
  (void)culturetrade::v1::AnalyzeBalanceRequest::descriptor();
  (void)culturetrade::v1::ListDatasetsRequest::descriptor();
  const google::protobuf::Descriptor* type =
      google::protobuf::DescriptorPool::generated_pool()->FindMessageTypeByName(argv[1]);
  if (type == nullptr) {
    std::cerr << "culturetrade-grpc-frame: no message type " << argv[1] << "\n";
    return 2;
  }
  google::protobuf::DynamicMessageFactory factory;
  std::unique_ptr<google::protobuf::Message> message(factory.GetPrototype(type)->New());
  if (!google::protobuf::TextFormat::ParseFromString(argv[2], message.get())) {
    std::cerr << "culturetrade-grpc-frame: the text does not parse as " << argv[1] << "\n";
    return 2;
  }
  const std::string payload = message->SerializeAsString();
  const uint32_t size = static_cast<uint32_t>(payload.size());
  // Uncompressed flag, then the length in network byte order.
  const char header[5] = {0, static_cast<char>(size >> 24), static_cast<char>(size >> 16),
                          static_cast<char>(size >> 8), static_cast<char>(size)};
  std::cout.write(header, 5).write(payload.data(), payload.size());
  return std::cout ? 0 : 1;
}
