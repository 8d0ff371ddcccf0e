#include "client/ctrade/create_request_id.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "client/request_id.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"

namespace culturetrade::ctrade {
namespace {

// FNV-1a from `basis`: stable across runs and builds, which absl::Hash is not.
uint64_t Fnv1a(const std::string& bytes, uint64_t basis) {
  uint64_t h = basis;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

// 128 bits as a UUID of version 8 (RFC 9562: made by the application's own rule).
std::string AsUuid(uint64_t high, uint64_t low) {
  high = (high & ~uint64_t{0xf000}) | uint64_t{0x8000};
  low = (low & ~(uint64_t{0x3} << 62)) | (uint64_t{0x2} << 62);
  return absl::StrFormat("%08x-%04x-%04x-%04x-%012x", high >> 32, (high >> 16) & 0xffff,
                         high & 0xffff, low >> 48, low & 0xffffffffffffULL);
}

}  // namespace

std::string CreateRequestId(const v1::UploadFlowsHeader& header, const CommandLine& args,
                            const std::vector<std::pair<std::string, std::string>>& reading) {
  if (args.Has("request-id")) return args.Get("request-id");
  const std::string csv_path = args.Get("csv");
  if (csv_path == "-") return NewRequestId();
  struct stat file {};
  // A file that is not there gets the reader's own error when the upload opens it.
  if (stat(csv_path.c_str(), &file) != 0) return NewRequestId();
  std::string content;
  // Deterministic, so that one header always gives the same bytes (map fields sorted).
  {
    google::protobuf::io::StringOutputStream out(&content);
    google::protobuf::io::CodedOutputStream coded(&out);
    coded.SetSerializationDeterministic(true);
    header.SerializeToCodedStream(&coded);
  }
  for (const auto& given : args.SortedOptions()) {
    const bool reads = std::any_of(reading.begin(), reading.end(),
                                   [&](const auto& option) { return option.first == given.first; });
    if (reads) absl::StrAppend(&content, "|--", given.first, "=", given.second);
  }
  absl::StrAppend(&content, "|", csv_path, "|", file.st_dev, "|", file.st_ino, "|", file.st_size,
                  "|", file.st_mtim.tv_sec, ".", file.st_mtim.tv_nsec);
  return AsUuid(Fnv1a(content, 0xcbf29ce484222325ULL), Fnv1a(content, 0x84222325cbf29ce4ULL));
}

}  // namespace culturetrade::ctrade
