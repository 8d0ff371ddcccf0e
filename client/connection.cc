#include "client/connection.h"

#include "client/internal/retry_connection.h"
#include "client/internal/stub_factory.h"

namespace culturetrade {

std::shared_ptr<Connection> MakeConnection(const Options& options) {
  return std::make_shared<internal::RetryConnection>(internal::CreateDefaultStub(options), options);
}

}  // namespace culturetrade
