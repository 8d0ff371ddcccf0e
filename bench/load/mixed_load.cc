#include "bench/load/mixed_load.h"

#include <unistd.h>

#include <iostream>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "bench/load/call_tally.h"
#include "bench/load/flow_grid.h"
#include "bench/load/load_connection.h"
#include "bench/load/study_balance.h"

namespace culturetrade::bench {
namespace {

// What one thread did; merged once the threads are done.
struct Tallies {
  CallTally upload, analyze, remove, study, grid;
  int64_t wrong = 0;
  int64_t reported = 0;

  void Merge(const Tallies& other) {
    upload.Merge(other.upload);
    analyze.Merge(other.analyze);
    remove.Merge(other.remove);
    study.Merge(other.study);
    grid.Merge(other.grid);
    wrong += other.wrong;
  }
  // Prints the first few problems of a thread: enough to diagnose, bounded if all fail.
  void Report(const std::string& what, const absl::Status& status) {
    if (++reported <= 3) std::cerr << "load client: " << what << ": " << status << "\n";
  }
  bool Clean() const {
    for (const CallTally* t : {&upload, &analyze, &remove, &study, &grid}) {
      if (t->CountOtherThan({absl::StatusCode::kOk}) > 0) return false;
    }
    return wrong == 0;
  }
};

// Small enough to upload many times a second, in several messages of the stream.
constexpr FlowGrid kUploadGrid{10, 5, 10};

// One uploader's round on a dataset id no other round uses.
void UploadRound(Client& client, const std::string& id, const std::vector<v1::TradeFlow>& flows,
                 Tallies& t) {
  v1::Dataset meta;
  meta.set_display_name("load test upload");
  absl::StatusOr<v1::Dataset> created =
      t.upload.Time([&] { return client.UploadNewDataset(id, meta, flows); });
  if (!created.ok()) return t.Report("upload " + id, created.status());
  absl::StatusOr<v1::AnalyzeBalanceResponse> answer = t.analyze.Time(
      [&] { return client.AnalyzeBalance(FlowGrid::BalanceRequest(created->name())); });
  if (!answer.ok()) {
    t.Report("analysis of " + id, answer.status());
  } else if (absl::Status s = kUploadGrid.CheckBalance(*answer); !s.ok()) {
    ++t.wrong;
    t.Report("analysis of " + id, s);
  }
  absl::Status removed = t.remove.Time([&] { return client.DeleteDataset(created->name()); });
  if (!removed.ok()) t.Report("delete " + id, removed);
}

void Uploader(Client client, int worker, absl::Time end, Tallies& t) {
  const std::vector<v1::TradeFlow> flows = kUploadGrid.Flows();
  for (int round = 0; absl::Now() < end; ++round) {
    UploadRound(client, absl::StrCat("load-", getpid(), "-", worker, "-", round), flows, t);
  }
}

void Sampler(Client client, const std::string& study_reference, const MixedLoadOptions& options,
             absl::Time end, Tallies& t) {
  const FlowGrid grid;
  while (absl::Now() < end) {
    absl::StatusOr<v1::AnalyzeBalanceResponse> study =
        t.study.Time([&] { return client.AnalyzeBalance(StudyBalanceRequest()); });
    if (!study.ok()) {
      t.Report("study sample", study.status());
    } else if (study->SerializeAsString() != study_reference) {
      ++t.wrong;
      t.Report("study sample", absl::InternalError("differs: " + study->ShortDebugString()));
    }
    absl::StatusOr<v1::AnalyzeBalanceResponse> sample = t.grid.Time(
        [&] { return client.AnalyzeBalance(FlowGrid::BalanceRequest(options.grid_dataset)); });
    if (!sample.ok()) {
      t.Report("grid sample", sample.status());
    } else if (absl::Status s = grid.CheckBalance(*sample); !s.ok()) {
      ++t.wrong;
      t.Report("grid sample", s);
    }
    absl::SleepFor(absl::Milliseconds(10));  // a probe beside the load, not more load
  }
}

// The study's answer before the run, checked against the published figures.
absl::StatusOr<std::string> StudyReference(Client client) {
  absl::StatusOr<v1::AnalyzeBalanceResponse> answer = client.AnalyzeBalance(StudyBalanceRequest());
  if (!answer.ok()) return answer.status();
  if (absl::Status s = CheckStudyBalance(*answer); !s.ok()) return s;
  return answer->SerializeAsString();
}

void Print(const Tallies& t, const MixedLoadOptions& options) {
  const double seconds = absl::ToDoubleSeconds(options.duration);
  std::cout << absl::StrFormat(
      "uploaders (%d): uploads %s (%.1f/s); analyses of the uploads %s; deletes %s\n",
      options.uploaders, t.upload.Counts(), t.upload.total() / seconds, t.analyze.Counts(),
      t.remove.Counts());
  std::cout << absl::StrFormat(
      "samplers (%d): study balance %s; grid balance %s; wrong answers %d\n", options.samplers,
      t.study.Counts(), t.grid.Counts(), t.wrong);
}

}  // namespace

bool RunMixedLoad(const MixedLoadOptions& options) {
  absl::StatusOr<std::string> reference = StudyReference(LoadClient(options.endpoint, 0));
  if (!reference.ok()) {
    std::cerr << "load client: the study's balance before the run: " << reference.status() << "\n";
    return false;
  }
  const absl::Time end = absl::Now() + options.duration;
  std::vector<Tallies> tallies(options.uploaders + options.samplers);
  std::vector<std::thread> threads;
  for (int i = 0; i < options.uploaders + options.samplers; ++i) {
    Client client = LoadClient(options.endpoint, i);
    threads.emplace_back(i < options.uploaders
                             ? std::thread(Uploader, client, i, end, std::ref(tallies[i]))
                             : std::thread(Sampler, client, *reference, std::cref(options), end,
                                           std::ref(tallies[i])));
  }
  Tallies all;
  for (int i = 0; i < static_cast<int>(threads.size()); ++i) {
    threads[i].join();
    all.Merge(tallies[i]);
  }
  Print(all, options);
  const bool exercised = (options.uploaders == 0 || all.remove.total() > 0) &&
                         (options.samplers == 0 || all.grid.total() > 0);
  if (!exercised) std::cerr << "load client: a worker finished no call within the run\n";
  return all.Clean() && exercised;
}

}  // namespace culturetrade::bench
