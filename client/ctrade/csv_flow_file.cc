#include "client/ctrade/csv_flow_file.h"

#include <filesystem>
#include <fstream>
#include <optional>
#include <system_error>
#include <utility>

#include "absl/strings/str_cat.h"
#include "client/ctrade/progress.h"
#include "client/flows_of_block.h"
#include "import/flow_csv_blocks.h"

namespace culturetrade::ctrade {

// One pass over the file. Declared in the order of destruction's needs: the reader goes before
// the stream it reads.
class CsvFlowFile::Source : public FlowBlockSource {
 public:
  Source(CsvFlowFile& file, std::unique_ptr<std::ifstream> stream, int64_t size)
      : file_(file), stream_(std::move(stream)) {
    bar_.emplace(file.label_, size);
  }

  absl::Status Start(std::istream& in) {
    absl::StatusOr<std::unique_ptr<import::FlowCsvBlocks>> reader =
        import::FlowCsvBlocks::Open(in, file_.defaults_);
    if (!reader.ok()) return file_.Named(reader.status());
    reader_ = *std::move(reader);
    file_.report_ = reader_->report();
    return absl::OkStatus();
  }

  absl::StatusOr<bool> Next(v1::FlowBlock& block) override {
    absl::StatusOr<bool> more = reader_->Next(block);
    if (!more.ok()) return file_.Named(more.status());
    file_.report_ = reader_->report();
    if (!*more) {
      bar_.reset();  // clears the line before the command prints
      return false;
    }
    file_.flows_ += block.reporter_size();
    if (bar_) bar_->Update(reader_->bytes_read());
    return true;
  }

 private:
  CsvFlowFile& file_;
  std::unique_ptr<std::ifstream> stream_;  // null for standard input
  std::optional<ProgressBar> bar_;
  std::unique_ptr<import::FlowCsvBlocks> reader_;
};

CsvFlowFile::CsvFlowFile(std::string path, std::istream& standard_input,
                         import::FlowCsvDefaults defaults, std::string label)
    : path_(std::move(path)),
      standard_input_(standard_input),
      defaults_(std::move(defaults)),
      label_(std::move(label)) {}

absl::Status CsvFlowFile::Named(const absl::Status& status) const {
  if (path_ == "-") return status;
  return absl::Status(status.code(), absl::StrCat(path_, ": ", status.message()));
}

absl::StatusOr<std::unique_ptr<FlowBlockSource>> CsvFlowFile::Open() {
  report_ = import::CsvReport();
  flows_ = 0;
  std::unique_ptr<std::ifstream> stream;
  int64_t size = 0;  // unknown for standard input, which then shows no bar
  if (path_ == "-") {
    if (opened_) {
      return absl::FailedPreconditionError(
          "the upload failed and cannot be retried from standard input, which can be read "
          "only once; save the data to a file and give --csv FILE");
    }
  } else {
    stream = std::make_unique<std::ifstream>(path_, std::ios::binary);
    if (!*stream) return absl::InvalidArgumentError(absl::StrCat("cannot open ", path_));
    std::error_code error;
    const std::uintmax_t bytes = std::filesystem::file_size(path_, error);
    if (!error) size = static_cast<int64_t>(bytes);
  }
  opened_ = true;
  std::istream& in = stream ? *stream : standard_input_;
  auto source = std::make_unique<Source>(*this, std::move(stream), size);
  if (absl::Status s = source->Start(in); !s.ok()) return s;
  return source;
}

absl::StatusOr<std::vector<v1::TradeFlow>> CsvFlowFile::ReadThrough(size_t keep) {
  absl::StatusOr<std::unique_ptr<FlowBlockSource>> source = Open();
  if (!source.ok()) return source.status();
  std::vector<v1::TradeFlow> first;
  v1::FlowBlock block;
  for (;;) {
    absl::StatusOr<bool> more = (*source)->Next(block);
    if (!more.ok()) return more.status();
    if (!*more) return first;
    if (first.size() >= keep) continue;
    absl::StatusOr<google::protobuf::RepeatedPtrField<v1::TradeFlow>> flows = FlowsOfBlock(block);
    if (!flows.ok()) return flows.status();
    for (v1::TradeFlow& f : *flows) {
      if (first.size() < keep) first.push_back(std::move(f));
    }
  }
}

}  // namespace culturetrade::ctrade
