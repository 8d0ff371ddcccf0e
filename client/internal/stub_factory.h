// The stack of Stubs a connection sends through: a gRPC channel to Options::endpoint, under
// the bearer token's decorator when there is a token.
#ifndef CULTURETRADE_CLIENT_INTERNAL_STUB_FACTORY_H_
#define CULTURETRADE_CLIENT_INTERNAL_STUB_FACTORY_H_

#include <memory>

#include "client/internal/stub.h"
#include "client/options.h"

namespace culturetrade {
namespace internal {

std::shared_ptr<Stub> CreateDefaultStub(const Options& options);

}  // namespace internal
}  // namespace culturetrade

#endif  // CULTURETRADE_CLIENT_INTERNAL_STUB_FACTORY_H_
