// A flow CSV file read block by block (import::FlowCsvBlocks), so that ctrade uploads a file of
// any size in the memory of a few blocks: the FlowBlockSource of Client::UploadBlocks, opened
// afresh for each attempt of the upload, with a progress bar over the file's bytes while
// standard error is a terminal.
#ifndef CULTURETRADE_CLIENT_CTRADE_CSV_FLOW_FILE_H_
#define CULTURETRADE_CLIENT_CTRADE_CSV_FLOW_FILE_H_

#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "client/flow_block_source.h"
#include "culturetrade/v1/trade_flow.pb.h"
#include "import/csv_reader.h"
#include "import/flow_csv.h"

namespace culturetrade::ctrade {

class CsvFlowFile {
 public:
  // `path` names a file, or is - for `standard_input`, which can be read once only. The bar,
  // if shown, is labelled `label`.
  CsvFlowFile(std::string path, std::istream& standard_input, import::FlowCsvDefaults defaults,
              std::string label);

  // The file from its first block. Errors name the file (standard input goes unnamed, as
  // when the whole file was read at once).
  absl::StatusOr<std::unique_ptr<FlowBlockSource>> Open();
  // Open, as the factory of an upload; the file must outlive the upload.
  FlowBlockSourceFactory Factory() {
    return [this] { return Open(); };
  }
  // Reads the whole file, as a dry run does, and returns its first `keep` flows.
  absl::StatusOr<std::vector<v1::TradeFlow>> ReadThrough(size_t keep);

  const std::string& path() const { return path_; }
  // What the source opened last has read so far: layout, columns, rows and skipped rows.
  const import::CsvReport& report() const { return report_; }
  // The flows the source opened last has given so far.
  int64_t flows() const { return flows_; }

 private:
  class Source;

  absl::Status Named(const absl::Status& status) const;

  const std::string path_;
  std::istream& standard_input_;
  const import::FlowCsvDefaults defaults_;
  const std::string label_;
  bool opened_ = false;
  import::CsvReport report_;
  int64_t flows_ = 0;
};

}  // namespace culturetrade::ctrade

#endif  // CULTURETRADE_CLIENT_CTRADE_CSV_FLOW_FILE_H_
