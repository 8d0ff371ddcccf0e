#include "client/ctrade/progress.h"

#include <unistd.h>

#include <cstdio>

#include "absl/strings/str_format.h"
#include "absl/time/clock.h"

namespace culturetrade::ctrade {
namespace {

constexpr int kBarWidth = 30;

void WriteLine(const std::string& text) {
  // \r and clear-to-end-of-line redraw in place.
  std::fprintf(stderr, "\r%s\033[K", text.c_str());
  std::fflush(stderr);
}

}  // namespace

bool StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

ProgressBar::ProgressBar(std::string label, int64_t total)
    : label_(std::move(label)), total_(total), visible_(StderrIsTerminal() && total > 0) {}

ProgressBar::~ProgressBar() {
  if (visible_ && last_percent_ >= 0) WriteLine("");
}

void ProgressBar::Update(int64_t done) {
  if (!visible_) return;
  const int percent = static_cast<int>(100 * done / total_);
  if (percent == last_percent_) return;
  last_percent_ = percent;
  const int filled = kBarWidth * percent / 100;
  WriteLine(absl::StrFormat("%s [%s%s] %3d%% %d/%d", label_, std::string(filled, '#'),
                            std::string(kBarWidth - filled, '.'), percent, done, total_));
}

Spinner::Spinner(std::string label) {
  if (!StderrIsTerminal()) return;
  ticker_ = std::thread([this, label = std::move(label)] {
    const absl::Time start = absl::Now();
    bool shown = false;
    while (!done_) {
      absl::SleepFor(absl::Milliseconds(100));
      const absl::Duration elapsed = absl::Now() - start;
      if (elapsed < absl::Milliseconds(500) || done_) continue;
      WriteLine(absl::StrFormat("%s... %.1fs", label, absl::ToDoubleSeconds(elapsed)));
      shown = true;
    }
    if (shown) WriteLine("");
  });
}

Spinner::~Spinner() {
  done_ = true;
  if (ticker_.joinable()) ticker_.join();
}

}  // namespace culturetrade::ctrade
