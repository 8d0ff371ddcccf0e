// AIP-155 request ids: the SDK gives every create one, so that a create whose reply was lost
// can be sent again and get the dataset it made instead of ALREADY_EXISTS.
#ifndef CULTURETRADE_CLIENT_REQUEST_ID_H_
#define CULTURETRADE_CLIENT_REQUEST_ID_H_

#include <string>

namespace culturetrade {

// A random (version 4) UUID, such as `0b7d2a4e-5c1f-4e8b-9a63-2f0d1c8e7b45`.
std::string NewRequestId();

}  // namespace culturetrade

#endif  // CULTURETRADE_CLIENT_REQUEST_ID_H_
