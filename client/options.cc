#include "client/options.h"

namespace culturetrade {
namespace {

thread_local const ScopedTimeout* innermost = nullptr;

}  // namespace

ScopedTimeout::ScopedTimeout(absl::Duration timeout) : outer_(innermost), timeout_(timeout) {
  innermost = this;
}

ScopedTimeout::~ScopedTimeout() { innermost = outer_; }

absl::Duration ScopedTimeout::Current(absl::Duration fallback) {
  return innermost != nullptr ? innermost->timeout_ : fallback;
}

}  // namespace culturetrade
