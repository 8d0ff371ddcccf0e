#include "import/rate_csv.h"

#include <iterator>
#include <memory>
#include <optional>
#include <sstream>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/decimal.h"
#include "import/csv_cells.h"
#include "import/csv_error.h"
#include "import/csv_periods.h"
#include "import/csv_table.h"

namespace culturetrade::import {
namespace {

// A rate as a plain positive decimal string.
absl::StatusOr<std::string> ParseRate(const std::string& text) {
  return ParsePositiveNumber(text, "the rate");
}

// The period of a rate: a year, a month or a day, never a quarter.
absl::StatusOr<v1::Period> ReadRatePeriod(const CsvRow& row, const PeriodColumns& columns) {
  absl::StatusOr<v1::Period> p = ReadPeriod(row, columns, /*allow_day=*/true);
  if (p.ok() && p->quarter() != 0) {
    return row.Bad(columns.period, CsvError("exchange rates are annual, monthly or daily, not "
                                            "quarterly"));
  }
  return p;
}

PeriodColumns RatePeriodColumns(CsvHeader& h, const RateCsvOptions& o) {
  PeriodColumns columns = ClaimPeriodColumns(h, /*allow_day=*/true);
  columns.order = o.date_order;
  return columns;
}

absl::Status NeedRatePeriod(const PeriodColumns& columns) {
  return NeedColumn(columns.period, "date, period, year or month");
}

v1::ExchangeRate MakeRate(const v1::Period& period, const std::string& base,
                          const std::string& quote, const std::string& rate) {
  v1::ExchangeRate r;
  *r.mutable_period() = period;
  r.set_base_currency_code(base);
  r.set_quote_currency_code(quote);
  r.set_rate(rate);
  return r;
}

// Reads the rates of one record in one layout.
using RateRowReader = CsvRowReader<v1::ExchangeRate>;
using RateReaderOr = CsvRowReaderOr<v1::ExchangeRate>;

// A currency column, or else the flag standing in for it, noted in the report.
absl::StatusOr<std::string> CurrencyFlag(int column, absl::string_view name,
                                         const std::string& flag, CsvReport& report) {
  if (column >= 0) return std::string();
  if (flag.empty()) return NoColumnNorFlag(name);
  absl::StatusOr<std::string> code = ParseCurrencyCode(flag);
  if (code.ok()) NoteFlag(name, *code, report);
  return code;
}

// One rate a row.
class LongRates final : public RateRowReader {
 public:
  static RateReaderOr Make(CsvHeader& h, const RateCsvOptions& o, CsvReport& report) {
    auto l = std::make_unique<LongRates>();
    l->rate_ = h.Claim({"rate"}, "rate (units of quote per unit of base)");
    l->base_column_ = h.Claim({"base"}, "base currency (the one priced)");
    l->quote_column_ = h.Claim({"quote"}, "quote currency (the one pricing)");
    l->period_ = RatePeriodColumns(h, o);
    if (absl::Status s = NeedRatePeriod(l->period_); !s.ok()) return s;
    absl::StatusOr<std::string> base = CurrencyFlag(l->base_column_, "base", o.base, report);
    if (!base.ok()) return base.status();
    absl::StatusOr<std::string> quote = CurrencyFlag(l->quote_column_, "quote", o.quote, report);
    if (!quote.ok()) return quote.status();
    l->base_ = *base;
    l->quote_ = *quote;
    return std::unique_ptr<RateRowReader>(std::move(l));
  }

  absl::Status Read(const CsvRow& row, std::vector<v1::ExchangeRate>& out) const override {
    if (IsBlankRate(row.Cell(rate_))) return absl::OkStatus();
    absl::StatusOr<v1::Period> period = ReadRatePeriod(row, period_);
    if (!period.ok()) return period.status();
    absl::StatusOr<std::string> base = ReadCurrency(row, base_column_, base_);
    if (!base.ok()) return base.status();
    absl::StatusOr<std::string> quote = ReadCurrency(row, quote_column_, quote_);
    if (!quote.ok()) return quote.status();
    absl::StatusOr<std::string> rate = ParseRate(row.Cell(rate_));
    if (!rate.ok()) return row.Bad(rate_, rate.status());
    out.push_back(MakeRate(*period, *base, *quote, *rate));
    return absl::OkStatus();
  }

 private:
  int rate_ = -1, base_column_ = -1, quote_column_ = -1;
  std::string base_, quote_;
  PeriodColumns period_;
};

// A column of a daily table and the pair it prices.
struct PairColumn {
  int column = -1;
  std::string base;
  std::string quote;
};

bool IsCode(absl::string_view s) {
  return s.size() == 3 && absl::ascii_isalpha(static_cast<unsigned char>(s[0])) &&
         absl::ascii_isalpha(static_cast<unsigned char>(s[1])) &&
         absl::ascii_isalpha(static_cast<unsigned char>(s[2]));
}

// The pair a header names: `usd/cny` itself, `cny` with the base or the quote flag; a column
// that names no currency yields nothing and is ignored.
absl::StatusOr<std::optional<PairColumn>> PairOf(const std::string& key, int column,
                                                 const RateCsvOptions& o) {
  if (key.size() == 7 && key[3] == '/' && IsCode(key.substr(0, 3)) && IsCode(key.substr(4))) {
    return PairColumn{column, absl::AsciiStrToUpper(key.substr(0, 3)),
                      absl::AsciiStrToUpper(key.substr(4))};
  }
  if (!IsCode(key)) return std::optional<PairColumn>();
  const std::string code = absl::AsciiStrToUpper(key);
  if (o.base.empty() == o.quote.empty()) {
    return CsvError("column '", code, "' names a single currency: give --base (the table ",
                    "gives ", code, " per unit of the base, as the ECB's do) or --quote (it ",
                    "gives the price of one ", code, " in the quote), one of the two");
  }
  const std::string other = absl::AsciiStrToUpper(o.base.empty() ? o.quote : o.base);
  if (code == other) return std::optional<PairColumn>();  // the flag's currency priced in itself
  return o.base.empty() ? PairColumn{column, code, other} : PairColumn{column, other, code};
}

// One row a day, one column a currency.
class DailyRates final : public RateRowReader {
 public:
  static RateReaderOr Make(CsvHeader& h, const RateCsvOptions& o, CsvReport&) {
    auto l = std::make_unique<DailyRates>();
    l->period_ = RatePeriodColumns(h, o);
    if (absl::Status s = NeedRatePeriod(l->period_); !s.ok()) return s;
    for (int i = 0; i < h.size(); ++i) {
      if (i == l->period_.period || i == l->period_.month) continue;
      absl::StatusOr<std::optional<PairColumn>> pair = PairOf(h.key(i), i, o);
      if (!pair.ok()) return pair.status();
      if (!pair->has_value()) continue;
      h.SetMeaning(i, absl::StrCat((*pair)->base, "/", (*pair)->quote, " rate (", (*pair)->quote,
                                   " per ", (*pair)->base, ")"));
      l->pairs_.push_back(**pair);
    }
    if (l->pairs_.empty()) return CsvError("the header names no currency column (USD or USD/CNY)");
    return std::unique_ptr<RateRowReader>(std::move(l));
  }

  absl::Status Read(const CsvRow& row, std::vector<v1::ExchangeRate>& out) const override {
    absl::StatusOr<v1::Period> period = ReadRatePeriod(row, period_);
    if (!period.ok()) return period.status();
    for (const PairColumn& p : pairs_) {
      const std::string cell = row.Cell(p.column);
      if (IsBlankRate(cell)) continue;
      absl::StatusOr<std::string> rate = ParseRate(cell);
      if (!rate.ok()) return row.Bad(p.column, rate.status());
      out.push_back(MakeRate(*period, p.base, p.quote, *rate));
    }
    return absl::OkStatus();
  }

 private:
  PeriodColumns period_;
  std::vector<PairColumn> pairs_;
};

RateReaderOr MakeRateReader(CsvHeader& h, const RateCsvOptions& o, CsvReport& report) {
  if (h.Find({"rate"}) >= 0) {
    report.layout = "long (detected from the header)";
    return LongRates::Make(h, o, report);
  }
  report.layout = "daily table (detected from the header)";
  return DailyRates::Make(h, o, report);
}

std::string PeriodKey(const v1::Period& p) {
  return absl::StrFormat("%04d-%02d-%02d", p.year(), p.month(), p.day());
}

std::string RateKey(const v1::ExchangeRate& r) {
  return absl::StrCat(r.base_currency_code(), "/", r.quote_currency_code(), " ",
                      PeriodKey(r.period()));
}

}  // namespace

bool IsBlankRate(absl::string_view cell) {
  const std::string s = absl::AsciiStrToLower(absl::StripAsciiWhitespace(cell));
  return s.empty() || s == "n/a" || s == "na" || s == "-" || s == "nd" || s == ".." || s == "#n/a";
}

absl::StatusOr<RateCsv> ReadRatesCsv(std::istream& in, const RateCsvOptions& options) {
  // Read whole, so that the order of numeric dates comes from all of them before the first is
  // read: a rate table is small (a row a day for decades is some thousands of lines).
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  RateCsvOptions o = options;
  if (o.date_order == DateOrder::kUnknown) {
    absl::StatusOr<DateOrder> order = DateOrderOf(text);
    if (!order.ok()) return order.status();
    o.date_order = *order;
  }
  RateCsv out;
  const auto make_reader = [&o](CsvHeader& header, CsvReport& report) {
    return MakeRateReader(header, o, report);
  };
  std::istringstream body(text);
  CsvBatches batches(body);
  absl::StatusOr<CsvTable<v1::ExchangeRate>> table =
      CsvTable<v1::ExchangeRate>::Open(batches, o.delimiter, o.skip_bad, make_reader, out.report);
  if (!table.ok()) return table.status();
  if (absl::Status s = table->ReadAll(batches, out.rates, out.report); !s.ok()) return s;
  return out;
}

absl::Status AddRates(const std::vector<v1::ExchangeRate>& added,
                      google::protobuf::RepeatedPtrField<v1::ExchangeRate>& rates) {
  absl::flat_hash_map<std::string, std::string> held;  // pair and period -> rate
  for (const v1::ExchangeRate& r : rates) held.emplace(RateKey(r), r.rate());
  for (const v1::ExchangeRate& r : added) {
    const auto [it, inserted] = held.emplace(RateKey(r), r.rate());
    if (inserted) {
      *rates.Add() = r;
      continue;
    }
    absl::StatusOr<Decimal> a = Decimal::Parse(it->second), b = Decimal::Parse(r.rate());
    if (!a.ok() || !b.ok() || *a != *b) {
      return CsvError("the rate of ", it->first, " is given as both ", it->second, " and ",
                      r.rate());
    }
  }
  return absl::OkStatus();
}

}  // namespace culturetrade::import
