// Progress on stderr for long operations, shown only when stderr is a terminal, so that pipes
// and logs stay clean.
#ifndef CULTURETRADE_CLIENT_CTRADE_PROGRESS_H_
#define CULTURETRADE_CLIENT_CTRADE_PROGRESS_H_

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>

#include "absl/time/time.h"

namespace culturetrade::ctrade {

// A bar for work of known size: `label [#####.....] 52% 4,096/7,800`.
class ProgressBar {
 public:
  ProgressBar(std::string label, int64_t total);
  ~ProgressBar();  // clears the line
  void Update(int64_t done);

 private:
  const std::string label_;
  const int64_t total_;
  const bool visible_;
  int last_percent_ = -1;
};

// For a wait of unknown length (an RPC): after half a second, `label... 3.2s` ticking until
// destroyed.
class Spinner {
 public:
  explicit Spinner(std::string label);
  ~Spinner();

 private:
  std::atomic<bool> done_{false};
  std::thread ticker_;
};

// True when stderr is a terminal.
bool StderrIsTerminal();

}  // namespace culturetrade::ctrade

#endif  // CULTURETRADE_CLIENT_CTRADE_PROGRESS_H_
