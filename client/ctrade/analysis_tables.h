// The tables of ctrade's `analyze` commands: each analysis' response as rows for people or CSV,
// amounts in the --scale the option reader holds and, for people, with status markers.
#ifndef CULTURETRADE_CLIENT_CTRADE_ANALYSIS_TABLES_H_
#define CULTURETRADE_CLIENT_CTRADE_ANALYSIS_TABLES_H_

#include "client/ctrade/command_support.h"
#include "client/ctrade/output.h"
#include "culturetrade/v1/analysis_service.pb.h"

namespace culturetrade::ctrade {

Table BalanceTable(const v1::AnalyzeBalanceResponse& r, OptionReader& o);
Table GrowthTable(const v1::AnalyzeGrowthResponse& r, OptionReader& o);
Table ExportersTable(const v1::CompareExportersResponse& r, OptionReader& o);
Table DealsTable(const v1::AnalyzeDealPricesResponse& r, OptionReader& o);
Table SpilloverTable(const v1::EstimateSpilloverResponse& r, OptionReader& o);
Table ProjectionTable(const v1::ProjectBalanceResponse& r, OptionReader& o);
Table IndicatorsTable(const v1::ComputeIndicatorsResponse& r, OptionReader& o);
Table MirrorTable(const v1::ReconcileMirrorResponse& r, OptionReader& o);

}  // namespace culturetrade::ctrade

#endif  // CULTURETRADE_CLIENT_CTRADE_ANALYSIS_TABLES_H_
