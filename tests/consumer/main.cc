// A user's program built against the installed SDK: lists the datasets of the server at
// argv[1] and prints the study's average annual export growth.
#include <iostream>

#include "absl/strings/str_format.h"
#include "client/client.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: consumer HOST:PORT\n";
    return 2;
  }
  culturetrade::Options options;
  options.endpoint = argv[1];
  culturetrade::Client client(culturetrade::MakeConnection(options));
  int datasets = 0;
  for (const auto& d : client.ListDatasetsRange()) {
    if (!d.ok()) {
      std::cerr << d.status() << "\n";
      return 1;
    }
    ++datasets;
  }
  culturetrade::v1::AnalyzeBalanceRequest request;
  request.set_dataset("datasets/china-korea-tv-dramas");
  request.set_reporter("CHN");
  request.set_partner("KOR");
  request.set_product_code("TV_DRAMAS");
  auto balance = client.AnalyzeBalance(request);
  if (!balance.ok()) {
    std::cerr << balance.status() << "\n";
    return 1;
  }
  std::cout << absl::StrFormat("consumer: %d datasets; export growth %.2f%%\n", datasets,
                               balance->export_growth().rate() * 100);
  return 0;
}
