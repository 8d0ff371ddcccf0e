// Writes the binary seeds of corpus/request_fuzzer and corpus/upload_fuzzer: serialized
// analysis requests and Datasets, and delimited UploadFlowsRequest streams. Run by hand when
// the API changes (the files are committed):
//   build/asan/tests/fuzz/make_proto_seeds tests/fuzz/corpus
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "culturetrade/v1/analysis_service.pb.h"
#include "culturetrade/v1/dataset_service.pb.h"
#include "google/protobuf/util/delimited_message_util.h"
#include "service/server/seed.h"

namespace culturetrade {
namespace {

constexpr char kStudy[] = "datasets/china-korea-tv-dramas";

bool Write(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out) std::cerr << "cannot write " << path << "\n";
  return static_cast<bool>(out);
}

google::type::Money Money(int64_t units, int32_t nanos, const std::string& currency) {
  google::type::Money m;
  m.set_units(units);
  m.set_nanos(nanos);
  m.set_currency_code(currency);
  return m;
}

v1::TradeFlow Flow(const std::string& reporter, const std::string& partner,
                   const std::string& product, v1::FlowDirection direction, int year, int month,
                   int quarter, int64_t units, const std::string& currency) {
  v1::TradeFlow f;
  f.set_reporter(reporter);
  f.set_partner(partner);
  f.mutable_product()->set_classification(v1::CLASSIFICATION_FREE);
  f.mutable_product()->set_code(product);
  f.set_direction(direction);
  f.mutable_period()->set_year(year);
  f.mutable_period()->set_month(month);
  f.mutable_period()->set_quarter(quarter);
  *f.mutable_value() = Money(units, 0, currency);
  f.set_status(v1::VALUE_STATUS_REPORTED);
  return f;
}

// KOR's exports of SK1 to CHN by month, 2019-2020 (2020 without December), imports by
// quarter, world totals for 2020, and USD/KRW rates: small, but every analysis has data.
v1::Dataset Monthly() {
  v1::Dataset d;
  d.set_display_name("KOR-CHN SK1 monthly");
  for (int year : {2019, 2020}) {
    for (int m = 1; m <= (year == 2020 ? 11 : 12); ++m) {
      *d.add_flows() = Flow("KOR", "CHN", "SK1", v1::FLOW_DIRECTION_EXPORT, year, m, 0,
                            100 + 10 * (year - 2019) + m, "USD");
    }
    for (int q = 1; q <= 4; ++q) {
      *d.add_flows() =
          Flow("KOR", "CHN", "SK1", v1::FLOW_DIRECTION_IMPORT, year, 0, q, 300 + q, "USD");
    }
  }
  *d.add_flows() = Flow("KOR", "WLD", "SK1", v1::FLOW_DIRECTION_EXPORT, 2020, 0, 0, 90000, "USD");
  *d.add_flows() = Flow("CHN", "KOR", "SK1", v1::FLOW_DIRECTION_IMPORT, 2020, 0, 0, 1500, "USD");
  *d.add_flows() = Flow("WLD", "WLD", "SK1", v1::FLOW_DIRECTION_EXPORT, 2020, 0, 0, 900000, "USD");
  for (int year : {2019, 2020}) {
    v1::ExchangeRate* r = d.add_exchange_rates();
    r->mutable_period()->set_year(year);
    r->set_base_currency_code("USD");
    r->set_quote_currency_code("KRW");
    r->set_rate(year == 2019 ? "1165.65" : "1180.27");
  }
  v1::Deal* deal = d.add_deals();
  deal->set_title("Crash Landing on You");
  deal->set_origin("KOR");
  deal->set_buyer("CHN");
  deal->set_year(2020);
  deal->set_episodes(16);
  *deal->mutable_price_per_episode() = Money(250000, 0, "USD");
  deal->set_status(v1::VALUE_STATUS_ESTIMATED);
  v1::Multiplier* m = d.add_multipliers();
  m->set_id("kexim-2012");
  m->set_economy("KOR");
  *m->mutable_cultural_exports() = Money(100, 0, "USD");
  *m->mutable_induced_exports() = Money(412, 0, "USD");
  m->set_year(2012);
  return d;
}

// KOR's 2020 exports and imports in USD, with the world and all-products totals that RCA,
// market share, trade intensity, Grubel-Lloyd and both HHIs divide by.
v1::Dataset Indicators2020() {
  v1::Dataset d;
  d.set_display_name("KOR 2020 with world totals");
  const struct {
    const char* reporter;
    const char* partner;
    const char* product;
    v1::FlowDirection direction;
    int64_t units;
  } rows[] = {
      {"KOR", "CHN", "SK1", v1::FLOW_DIRECTION_EXPORT, 1200},
      {"KOR", "CHN", "SK1", v1::FLOW_DIRECTION_IMPORT, 800},
      {"KOR", "CHN", "SK2", v1::FLOW_DIRECTION_EXPORT, 300},
      {"KOR", "CHN", "SK2", v1::FLOW_DIRECTION_IMPORT, 500},
      {"KOR", "JPN", "SK1", v1::FLOW_DIRECTION_EXPORT, 400},
      {"KOR", "WLD", "SK1", v1::FLOW_DIRECTION_EXPORT, 5000},
      {"WLD", "WLD", "SK1", v1::FLOW_DIRECTION_EXPORT, 100000},
      {"KOR", "WLD", "TOTAL", v1::FLOW_DIRECTION_EXPORT, 600000},
      {"WLD", "WLD", "TOTAL", v1::FLOW_DIRECTION_EXPORT, 20000000},
      {"KOR", "CHN", "TOTAL", v1::FLOW_DIRECTION_EXPORT, 150000},
      {"WLD", "CHN", "TOTAL", v1::FLOW_DIRECTION_EXPORT, 2500000},
  };
  for (const auto& r : rows) {
    *d.add_flows() =
        Flow(r.reporter, r.partner, r.product, r.direction, 2020, 0, 0, r.units, "USD");
  }
  return d;
}

std::string Delimited(const std::vector<v1::UploadFlowsRequest>& messages) {
  std::ostringstream out;
  for (const v1::UploadFlowsRequest& m : messages) {
    google::protobuf::util::SerializeDelimitedToOstream(m, &out);
  }
  return out.str();
}

int Main(const std::string& dir) {
  absl::StatusOr<v1::Dataset> study = StudyDataset();
  if (!study.ok()) {
    std::cerr << study.status() << "\n";
    return 1;
  }
  const std::string req = dir + "/request_fuzzer/";
  const std::string up = dir + "/upload_fuzzer/";
  bool ok = true;

  // The README's session, by name.
  v1::AnalyzeBalanceRequest balance;
  balance.set_dataset(kStudy);
  balance.set_reporter("CHN");
  balance.set_partner("KOR");
  balance.set_product_code("TV_DRAMAS");
  ok &= Write(req + "balance_study.bin", balance.SerializeAsString());
  balance.set_target_currency("USD");
  balance.set_start_year(2013);
  balance.set_end_year(2016);
  ok &= Write(req + "balance_study_usd.bin", balance.SerializeAsString());

  v1::AnalyzeGrowthRequest growth;
  *growth.mutable_inline_dataset() = Monthly();
  growth.set_reporter("KOR");
  growth.set_partner("CHN");
  growth.set_product_code("SK1");
  growth.set_direction(v1::FLOW_DIRECTION_EXPORT);
  growth.set_spike_threshold(0.05);
  ok &= Write(req + "growth_inline_monthly.bin", growth.SerializeAsString());

  v1::CompareExportersRequest exporters;
  exporters.set_dataset(kStudy);
  exporters.set_product_code("TV_DRAMAS");
  exporters.set_year(2013);
  exporters.set_reporter_a("CHN");
  exporters.set_reporter_b("KOR");
  exporters.set_target_currency("USD");
  ok &= Write(req + "exporters_study.bin", exporters.SerializeAsString());

  v1::AnalyzeDealPricesRequest deals;
  deals.set_dataset(kStudy);
  deals.set_target_currency("USD");
  deals.set_numerator_title("Descendants of the Sun");
  deals.set_denominator_title("You from the Stars");
  deals.set_origin_a("CHN");
  deals.set_origin_b("KOR");
  ok &= Write(req + "deals_study.bin", deals.SerializeAsString());

  v1::EstimateSpilloverRequest spillover;
  spillover.set_dataset(kStudy);
  spillover.set_multiplier_id("kexim-2012");
  spillover.set_reporter("KOR");
  spillover.set_product_code("TV_DRAMAS");
  spillover.set_year(2013);
  ok &= Write(req + "spillover_study.bin", spillover.SerializeAsString());

  v1::ProjectBalanceRequest projection;
  projection.set_dataset(kStudy);
  projection.set_reporter("CHN");
  projection.set_partner("KOR");
  projection.set_product_code("TV_DRAMAS");
  projection.set_basis(v1::GROWTH_BASIS_COMPOUND);
  projection.set_to_year(2030);
  projection.set_close_by_year(2030);
  ok &= Write(req + "projection_study.bin", projection.SerializeAsString());

  v1::ComputeIndicatorsRequest indicators;
  *indicators.mutable_inline_dataset() = Indicators2020();
  for (int k = 1; k <= 6; ++k) indicators.add_indicators(static_cast<v1::IndicatorKind>(k));
  indicators.set_year(2020);
  indicators.set_reporter("KOR");
  indicators.set_partner("CHN");
  indicators.set_product_code("SK1");
  ok &= Write(req + "indicators_inline.bin", indicators.SerializeAsString());

  v1::ReconcileMirrorRequest mirror;
  *mirror.mutable_inline_dataset() = Monthly();
  mirror.set_reporter("KOR");
  mirror.set_partner("CHN");
  mirror.set_product_code("SK1");
  mirror.set_direction(v1::FLOW_DIRECTION_EXPORT);
  mirror.set_target_currency("KRW");
  ok &= Write(req + "mirror_inline.bin", mirror.SerializeAsString());

  // Datasets, for the harness's second half.
  ok &= Write(req + "dataset_study.bin", study->SerializeAsString());
  ok &= Write(req + "dataset_monthly.bin", Monthly().SerializeAsString());
  ok &= Write(req + "dataset_indicators.bin", Indicators2020().SerializeAsString());

  // Uploads: create with a header dataset and two chunks.
  {
    v1::UploadFlowsRequest header;
    v1::CreateDatasetRequest* create = header.mutable_header()->mutable_create();
    create->set_dataset_id("kor-sk1");
    create->mutable_dataset()->set_display_name("KOR SK1");
    *create->mutable_dataset()->add_flows() =
        Flow("KOR", "CHN", "SK1", v1::FLOW_DIRECTION_EXPORT, 2018, 0, 0, 1200, "USD");
    v1::UploadFlowsRequest chunk1, chunk2;
    for (int m = 1; m <= 3; ++m) {
      *chunk1.mutable_chunk()->add_flows() =
          Flow("KOR", "CHN", "SK1", v1::FLOW_DIRECTION_EXPORT, 2019, m, 0, 100 + m, "USD");
    }
    *chunk2.mutable_chunk()->add_flows() =
        Flow("KOR", "CHN", "SK1", v1::FLOW_DIRECTION_IMPORT, 2019, 0, 1, 77, "USD");
    ok &= Write(up + "create_two_chunks.bin", Delimited({header, chunk1, chunk2}));
    // The same key twice across chunks: refused.
    ok &= Write(up + "create_duplicate.bin", Delimited({header, chunk1, chunk1}));
  }
  // Append to the study at its etag, and at a stale one.
  {
    v1::UploadFlowsRequest header;
    header.mutable_header()->set_dataset(kStudy);
    header.mutable_header()->set_etag("1");
    v1::UploadFlowsRequest chunk;
    *chunk.mutable_chunk()->add_flows() =
        Flow("CHN", "KOR", "TV_DRAMAS", v1::FLOW_DIRECTION_EXPORT, 2013, 0, 0, 9000000, "CNY");
    ok &= Write(up + "append_study.bin", Delimited({header, chunk}));
    header.mutable_header()->set_etag("7");
    ok &= Write(up + "append_stale_etag.bin", Delimited({header, chunk}));
    // The study's 2010 exports again, by month: whole and in parts, refused.
    v1::UploadFlowsRequest parts;
    *parts.mutable_chunk()->add_flows() =
        Flow("CHN", "KOR", "TV_DRAMAS", v1::FLOW_DIRECTION_EXPORT, 2010, 5, 0, 1000, "CNY");
    header.mutable_header()->set_etag("");
    ok &= Write(up + "append_whole_and_parts.bin", Delimited({header, parts}));
    // A chunk before the header.
    ok &= Write(up + "chunk_first.bin", Delimited({chunk, header}));
  }
  return ok ? 0 : 1;
}

}  // namespace
}  // namespace culturetrade

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: make_proto_seeds CORPUS_DIR\n";
    return 2;
  }
  return culturetrade::Main(argv[1]);
}
